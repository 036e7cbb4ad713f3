package jp.mynakiosk.insurance.server;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import jp.mynakiosk.insurance.Challenge;
import jp.mynakiosk.insurance.ConsentChange;
import jp.mynakiosk.insurance.Consents;
import jp.mynakiosk.insurance.EligibilityService;
import jp.mynakiosk.insurance.HolderClaims;
import jp.mynakiosk.insurance.LinkRequest;
import jp.mynakiosk.insurance.RegistrationQuery;
import jp.mynakiosk.insurance.TestPki;
import jp.mynakiosk.insurance.UnsignedConsentChange;
import jp.mynakiosk.insurance.UnsignedLinkRequest;
import jp.mynakiosk.insurance.UnsignedRegistrationQuery;

/** The test JPKI and the seeded simulator cards, signing requests as the cards would. */
final class Cards {
    static final HolderClaims YAMADA = new HolderClaims("山田 花子", LocalDate.of(1956, 3, 19), 2);
    static final HolderClaims SATO = new HolderClaims("佐藤 健一", LocalDate.of(1949, 11, 2), 1);
    static final HolderClaims KATO = new HolderClaims("加藤 由紀", LocalDate.of(1970, 5, 5), 2);
    static final Consents BOTH = new Consents(true, true);

    final TestPki pki;
    final X509CRL crl;
    private final Map<String, X509Certificate> certificates = new HashMap<>();
    private final Instant now = Instant.now();

    Cards() throws Exception {
        pki = new TestPki(now);
        crl = pki.crl(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    }

    synchronized X509Certificate certificate(String cardId) {
        return certificates.computeIfAbsent(cardId, id -> {
            try {
                return pki.cardCertificate(id, Math.abs((long) id.hashCode()) + 1, now.minus(Duration.ofDays(30)),
                        now.plus(Duration.ofDays(365)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    LinkRequest link(EligibilityService service, String kioskId, String cardId, HolderClaims holder) throws Exception {
        return link(service.issueChallenge(), kioskId, cardId, holder, UUID.randomUUID());
    }

    LinkRequest link(Challenge challenge, String kioskId, String cardId, HolderClaims holder, UUID key) throws Exception {
        UnsignedLinkRequest unsigned = new UnsignedLinkRequest(kioskId, key, challenge.nonce(),
                certificate(cardId).getEncoded(), holder, BOTH);
        return unsigned.sign(pki.signAsCard(unsigned.signedBytes()));
    }

    RegistrationQuery query(EligibilityService service, String kioskId, String cardId) throws Exception {
        UnsignedRegistrationQuery unsigned = new UnsignedRegistrationQuery(kioskId, service.issueChallenge().nonce(),
                certificate(cardId).getEncoded());
        return unsigned.sign(pki.signAsCard(unsigned.signedBytes()));
    }

    ConsentChange change(EligibilityService service, String kioskId, String cardId, Consents consents)
            throws Exception {
        UnsignedConsentChange unsigned = new UnsignedConsentChange(kioskId, UUID.randomUUID(),
                service.issueChallenge().nonce(), certificate(cardId).getEncoded(), consents);
        return unsigned.sign(pki.signAsCard(unsigned.signedBytes()));
    }
}
