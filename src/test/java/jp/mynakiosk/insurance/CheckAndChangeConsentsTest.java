package jp.mynakiosk.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.H2FileDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The "check registration" and "change consents" journeys' service side, on a real H2 file database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckAndChangeConsentsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final LocalDate SEEDED_ON = LocalDate.of(2023, 6, 1);
    private static final String KANAGAWA = "全国健康保険協会 神奈川支部";
    private static final HolderClaims YAMADA = new HolderClaims("山田 花子", LocalDate.of(1956, 3, 19), 2);

    private TestPki pki;
    private Map<String, X509Certificate> cards;
    private X509CRL crl;
    private MutableClock clock;
    private H2FileDatabase db;
    private EmbeddedEligibilityService service;

    @BeforeAll
    void makePki() throws Exception {
        pki = new TestPki(NOW);
        Instant issued = NOW.minus(Duration.ofDays(365));
        Instant expires = NOW.plus(Duration.ofDays(4 * 365));
        cards = Map.of(
                "SIM-0001", pki.cardCertificate("SIM-0001", 1, issued, expires),
                "SIM-0003", pki.cardCertificate("SIM-0003", 3, issued, expires),
                "SIM-0005", pki.cardCertificate("SIM-0005", 5, NOW.minus(Duration.ofDays(5 * 365)),
                        NOW.minus(Duration.ofDays(1))),
                "SIM-0006", pki.cardCertificate("SIM-0006", 6, issued, expires),
                "SIM-0007", pki.cardCertificate("SIM-0007", 7, issued, expires));
        crl = pki.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)), 6);
    }

    @BeforeEach
    void open(@TempDir Path dir) {
        clock = new MutableClock(NOW, ZoneId.of("Asia/Tokyo"));
        db = Databases.openH2File(dir.resolve("eligibility"), Databases.ELIGIBILITY_MIGRATIONS);
        new InsuranceSeed(db.dataSource()).load(InsuranceSeed.DEFAULT_FILE);
        service = new EmbeddedEligibilityService(db.dataSource(), pki.ca, () -> crl, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void registeredCardShowsInsurerDateAndConsents() throws Exception {
        assertThat(service.checkRegistration(query("SIM-0007")))
                .isEqualTo(new RegistrationStatus.Registered(KANAGAWA, SEEDED_ON, new Consents(true, true)));
    }

    @Test
    void cardRegisteredAtTheKioskShowsTheConsentsGivenThen() throws Exception {
        UnsignedLinkRequest link = new UnsignedLinkRequest("kiosk-1", UUID.randomUUID(),
                service.issueChallenge().nonce(), cards.get("SIM-0001").getEncoded(), YAMADA, new Consents(true, false));
        service.link(link.sign(pki.signAsCard(link.signedBytes())));

        assertThat(service.checkRegistration(query("SIM-0001"))).isEqualTo(
                new RegistrationStatus.Registered("全国健康保険協会 東京支部", TODAY, new Consents(true, false)));
    }

    @Test
    void unregisteredCardIsNotRegisteredAndNamesTheInsurerItWouldBeLinkedTo() throws Exception {
        assertThat(service.checkRegistration(query("SIM-0001")))
                .isEqualTo(new RegistrationStatus.NotRegistered("全国健康保険協会 東京支部"));
    }

    @Test
    void aPersonWithoutEligibilityDataIsSaidSo() throws Exception {
        assertThat(service.checkRegistration(query("SIM-0003"))).isEqualTo(new RegistrationStatus.NoEligibilityData());
    }

    @Test
    void expiredAndRevokedCertificatesAreSaidSo() throws Exception {
        assertThat(service.checkRegistration(query("SIM-0005"))).isEqualTo(new RegistrationStatus.CertificateExpired());
        assertThat(service.checkRegistration(query("SIM-0006"))).isEqualTo(new RegistrationStatus.CertificateRevoked());
        assertThat(service.changeConsents(change("SIM-0005", new Consents(true, true), UUID.randomUUID())))
                .isEqualTo(new ConsentChangeOutcome.CertificateExpired());
        assertThat(service.changeConsents(change("SIM-0006", new Consents(true, true), UUID.randomUUID())))
                .isEqualTo(new ConsentChangeOutcome.CertificateRevoked());
    }

    @Test
    void querySignedByAnotherKeyIsInvalid() throws Exception {
        UnsignedRegistrationQuery unsigned = new UnsignedRegistrationQuery("kiosk-1", service.issueChallenge().nonce(),
                cards.get("SIM-0007").getEncoded());
        RegistrationQuery forged = unsigned.sign(TestPki.sign(pki.rogueCaKeys.getPrivate(), unsigned.signedBytes()));

        assertThat(service.checkRegistration(forged))
                .isEqualTo(new RegistrationStatus.InvalidRequest(LinkOutcome.InvalidRequest.SIGNATURE_INVALID));
    }

    @Test
    void aLinkSignatureDoesNotPassAsAQuery() throws Exception {
        byte[] nonce = service.issueChallenge().nonce();
        UnsignedLinkRequest link = new UnsignedLinkRequest("kiosk-1", UUID.randomUUID(), nonce,
                cards.get("SIM-0007").getEncoded(), YAMADA, new Consents(true, true));
        RegistrationQuery query = new UnsignedRegistrationQuery("kiosk-1", nonce, cards.get("SIM-0007").getEncoded())
                .sign(pki.signAsCard(link.signedBytes()));

        assertThat(service.checkRegistration(query))
                .isEqualTo(new RegistrationStatus.InvalidRequest(LinkOutcome.InvalidRequest.SIGNATURE_INVALID));
    }

    @Test
    void theSameQueryIsAnsweredAgainButItsNonceServesNothingElse() throws Exception {
        RegistrationQuery query = query("SIM-0007");
        UnsignedRegistrationQuery other = new UnsignedRegistrationQuery("kiosk-2", query.nonce(),
                cards.get("SIM-0007").getEncoded());

        assertThat(service.checkRegistration(query)).isInstanceOf(RegistrationStatus.Registered.class);
        assertThat(service.checkRegistration(query)).as("a retry after a lost answer")
                .isInstanceOf(RegistrationStatus.Registered.class);
        assertThat(service.checkRegistration(other.sign(pki.signAsCard(other.signedBytes()))))
                .isEqualTo(new RegistrationStatus.InvalidRequest(LinkOutcome.InvalidRequest.NONCE_USED));
        clock.advance(EmbeddedEligibilityService.CHALLENGE_LIFETIME);
        assertThat(service.checkRegistration(query))
                .isEqualTo(new RegistrationStatus.InvalidRequest(LinkOutcome.InvalidRequest.NONCE_USED));
    }

    @Test
    void consentsOfARegisteredCardAreReplaced() throws Exception {
        Consents none = new Consents(false, false);

        assertThat(service.changeConsents(change("SIM-0007", none, UUID.randomUUID())))
                .isEqualTo(new ConsentChangeOutcome.Changed(KANAGAWA, none, TODAY));
        assertThat(service.checkRegistration(query("SIM-0007")))
                .isEqualTo(new RegistrationStatus.Registered(KANAGAWA, SEEDED_ON, none));
    }

    @Test
    void unregisteredCardHasNoConsentsToChange() throws Exception {
        assertThat(service.changeConsents(change("SIM-0001", new Consents(true, true), UUID.randomUUID())))
                .isEqualTo(new ConsentChangeOutcome.NotRegistered());
        assertThat(service.registration("SIM-0001")).isEmpty();
    }

    @Test
    void retriedChangeGetsTheFirstOutcomeAndChangesNothingMore() throws Exception {
        ConsentChange first = change("SIM-0007", new Consents(false, true), UUID.randomUUID());
        ConsentChangeOutcome outcome = service.changeConsents(first);
        service.changeConsents(change("SIM-0007", new Consents(true, false), UUID.randomUUID()));
        clock.advance(Duration.ofDays(1));

        assertThat(service.changeConsents(first)).isEqualTo(outcome);
        assertThat(service.registration("SIM-0007").orElseThrow().consents()).isEqualTo(new Consents(true, false));
        assertThat(count("SELECT COUNT(*) FROM consent_change")).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherChangeIsRefused() throws Exception {
        UUID key = UUID.randomUUID();
        service.changeConsents(change("SIM-0007", new Consents(false, false), key));

        assertThat(service.changeConsents(change("SIM-0007", new Consents(true, true), key))).isEqualTo(
                new ConsentChangeOutcome.InvalidRequest(LinkOutcome.InvalidRequest.IDEMPOTENCY_KEY_REUSED));
        assertThat(service.registration("SIM-0007").orElseThrow().consents()).isEqualTo(new Consents(false, false));
    }

    @Test
    void tamperedConsentsBreakTheSignature() throws Exception {
        ConsentChange signed = change("SIM-0007", new Consents(false, false), UUID.randomUUID());
        ConsentChange tampered = new ConsentChange(signed.kioskId(), signed.idempotencyKey(), signed.nonce(),
                signed.certificateDer(), new Consents(true, false), signed.signature());

        assertThat(service.changeConsents(tampered)).isEqualTo(
                new ConsentChangeOutcome.InvalidRequest(LinkOutcome.InvalidRequest.SIGNATURE_INVALID));
        assertThat(service.registration("SIM-0007").orElseThrow().consents()).isEqualTo(new Consents(true, true));
    }

    @Test
    void toStringNamesNoCardData() throws Exception {
        assertThat(query("SIM-0007").toString()).doesNotContain("SIM-0007");
        assertThat(change("SIM-0007", new Consents(true, true), UUID.randomUUID()).toString()).doesNotContain("SIM-0007");
    }

    private RegistrationQuery query(String cardId) throws Exception {
        UnsignedRegistrationQuery unsigned = new UnsignedRegistrationQuery("kiosk-1", service.issueChallenge().nonce(),
                cards.get(cardId).getEncoded());
        return unsigned.sign(pki.signAsCard(unsigned.signedBytes()));
    }

    private ConsentChange change(String cardId, Consents consents, UUID key) throws Exception {
        UnsignedConsentChange unsigned = new UnsignedConsentChange("kiosk-1", key, service.issueChallenge().nonce(),
                cards.get(cardId).getEncoded(), consents);
        return unsigned.sign(pki.signAsCard(unsigned.signedBytes()));
    }

    private int count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
