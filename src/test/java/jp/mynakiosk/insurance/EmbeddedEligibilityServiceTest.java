package jp.mynakiosk.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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
import java.util.function.Supplier;
import jp.mynakiosk.insurance.LinkOutcome.AlreadyRegistered;
import jp.mynakiosk.insurance.LinkOutcome.CertificateExpired;
import jp.mynakiosk.insurance.LinkOutcome.CertificateRevoked;
import jp.mynakiosk.insurance.LinkOutcome.InvalidRequest;
import jp.mynakiosk.insurance.LinkOutcome.NoEligibilityData;
import jp.mynakiosk.insurance.LinkOutcome.RecordsDoNotMatch;
import jp.mynakiosk.insurance.LinkOutcome.Registered;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.H2FileDatabase;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedEligibilityServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Consents TREATMENT_ONLY = new Consents(true, false);
    private static final long REVOKED_SERIAL = 6;

    private static final HolderClaims YAMADA = new HolderClaims("山田 花子", LocalDate.of(1956, 3, 19), 2);
    private static final HolderClaims SATO = new HolderClaims("佐藤 健一", LocalDate.of(1949, 11, 2), 1);
    private static final HolderClaims SUZUKI = new HolderClaims("鈴木 一郎", LocalDate.of(1990, 7, 7), 1);
    private static final HolderClaims TANAKA = new HolderClaims("田中 美咲", LocalDate.of(1985, 1, 30), 2);
    private static final HolderClaims KATO = new HolderClaims("加藤 由紀", LocalDate.of(1970, 5, 5), 2);
    private static final HolderClaims ITO = new HolderClaims("伊藤 純", LocalDate.of(1962, 12, 24), 1);
    private static final HolderClaims WATANABE = new HolderClaims("渡辺 明", LocalDate.of(1980, 8, 15), 1);

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
                "SIM-0002", pki.cardCertificate("SIM-0002", 2, issued, expires),
                "SIM-0003", pki.cardCertificate("SIM-0003", 3, issued, expires),
                "SIM-0004", pki.cardCertificate("SIM-0004", 4, issued, expires),
                "SIM-0005", pki.cardCertificate("SIM-0005", 5, NOW.minus(Duration.ofDays(5 * 365)),
                        NOW.minus(Duration.ofDays(1))),
                "SIM-0006", pki.cardCertificate("SIM-0006", REVOKED_SERIAL, issued, expires),
                "SIM-0007", pki.cardCertificate("SIM-0007", 7, issued, expires));
        crl = pki.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)), REVOKED_SERIAL);
    }

    @BeforeEach
    void openEligibilitySystem(@TempDir Path dir) {
        clock = new MutableClock(NOW, TOKYO);
        db = Databases.openH2File(dir.resolve("eligibility"), Databases.ELIGIBILITY_MIGRATIONS);
        new InsuranceSeed(db.dataSource()).load(InsuranceSeed.DEFAULT_FILE);
        service = serviceWithCrl(() -> crl);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void insuredHolderIsRegisteredWithTheirConsents() throws Exception {
        LinkOutcome outcome = service.link(signedRequest("SIM-0001", YAMADA, TREATMENT_ONLY));

        assertThat(outcome).isEqualTo(new Registered("全国健康保険協会 東京支部", TODAY));
        assertThat(service.registration("SIM-0001"))
                .contains(new RegistrationRecord("SIM-0001", "全国健康保険協会 東京支部", TODAY, TREATMENT_ONLY));
    }

    @Test
    void registrationDateIsTheDayInJapan() throws Exception {
        clock.advance(Duration.ofHours(15)); // 16:00 UTC is already the next day in Tokyo

        LinkOutcome outcome = service.link(signedRequest("SIM-0002", SATO, TREATMENT_ONLY));

        assertThat(outcome).isEqualTo(new Registered("東京都後期高齢者医療広域連合", TODAY.plusDays(1)));
    }

    @Test
    void spacesInTheNameDoNotMatter() throws Exception {
        HolderClaims fullWidthSpace = new HolderClaims("山田\u3000花子", YAMADA.birthDate(), 2);
        HolderClaims noSpace = new HolderClaims("佐藤健一", SATO.birthDate(), 1);

        assertThat(service.link(signedRequest("SIM-0001", fullWidthSpace, TREATMENT_ONLY))).isInstanceOf(Registered.class);
        assertThat(service.link(signedRequest("SIM-0002", noSpace, TREATMENT_ONLY))).isInstanceOf(Registered.class);
    }

    @Test
    void alreadyRegisteredCardSaysSinceWhenAndChangesNothing() throws Exception {
        LinkOutcome outcome = service.link(signedRequest("SIM-0007", WATANABE, new Consents(false, false)));

        assertThat(outcome).isEqualTo(new AlreadyRegistered("全国健康保険協会 神奈川支部", LocalDate.of(2023, 6, 1)));
        assertThat(service.registration("SIM-0007").orElseThrow().consents()).isEqualTo(new Consents(true, true));
    }

    @Test
    void personWithoutEligibilityDataIsToldSo() throws Exception {
        assertThat(service.link(signedRequest("SIM-0003", SUZUKI, TREATMENT_ONLY))).isEqualTo(new NoEligibilityData());
        assertThat(service.registration("SIM-0003")).isEmpty();
    }

    @Test
    void eligibilityStartingInTheFutureIsNoEligibilityDataYet(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("future.csv");
        Files.writeString(seed, InsuranceSeedFile.HEADER + "\n"
                + "SIM-0003,鈴木 一郎,1990-07-07,1,全国健康保険協会 東京支部,2026-12-01,,,\n");
        new InsuranceSeed(db.dataSource()).load(seed);

        assertThat(service.link(signedRequest("SIM-0003", SUZUKI, TREATMENT_ONLY))).isEqualTo(new NoEligibilityData());
    }

    @Test
    void recordWithAnotherBirthDateDoesNotMatch() throws Exception {
        assertThat(service.link(signedRequest("SIM-0004", TANAKA, TREATMENT_ONLY))).isEqualTo(new RecordsDoNotMatch());
        assertThat(service.registration("SIM-0004")).isEmpty();
    }

    @Test
    void otherSexOrNameDoesNotMatch() throws Exception {
        HolderClaims otherSex = new HolderClaims(YAMADA.name(), YAMADA.birthDate(), 1);
        HolderClaims otherName = new HolderClaims("山田 花", YAMADA.birthDate(), 2);

        assertThat(service.link(signedRequest("SIM-0001", otherSex, TREATMENT_ONLY))).isEqualTo(new RecordsDoNotMatch());
        assertThat(service.link(signedRequest("SIM-0001", otherName, TREATMENT_ONLY))).isEqualTo(new RecordsDoNotMatch());
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        assertThat(service.link(signedRequest("SIM-0005", KATO, TREATMENT_ONLY))).isEqualTo(new CertificateExpired());
        assertThat(service.registration("SIM-0005")).isEmpty();
    }

    @Test
    void revokedCertificateIsRefused() throws Exception {
        assertThat(service.link(signedRequest("SIM-0006", ITO, TREATMENT_ONLY))).isEqualTo(new CertificateRevoked());
        assertThat(service.registration("SIM-0006")).isEmpty();
    }

    @Test
    void changingTheConsentsAfterSigningBreaksTheSignature() throws Exception {
        LinkRequest signed = signedRequest("SIM-0001", YAMADA, new Consents(false, false));
        LinkRequest tampered = new LinkRequest(signed.kioskId(), signed.idempotencyKey(), signed.nonce(),
                signed.certificateDer(), signed.holder(), new Consents(true, true), signed.signature());

        assertThat(service.link(tampered)).isEqualTo(new InvalidRequest(InvalidRequest.SIGNATURE_INVALID));
        assertThat(service.registration("SIM-0001")).isEmpty();
    }

    @Test
    void signatureByAnotherKeyIsRefused() throws Exception {
        UnsignedLinkRequest unsigned = unsignedRequest("SIM-0001", YAMADA, TREATMENT_ONLY);
        LinkRequest request = unsigned.sign(TestPki.sign(pki.rogueCaKeys.getPrivate(), unsigned.signedBytes()));

        assertThat(service.link(request)).isEqualTo(new InvalidRequest(InvalidRequest.SIGNATURE_INVALID));
    }

    @Test
    void certificateFromAnotherCaWithTheSameNameIsRefused() throws Exception {
        X509Certificate forged = pki.cardCertificate("SIM-0001", 99, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)), pki.rogueCaKeys.getPrivate(), KeyUsage.digitalSignature);

        LinkOutcome outcome = service.link(signedRequest(forged, YAMADA, TREATMENT_ONLY, UUID.randomUUID()));

        assertThat(outcome).isEqualTo(new InvalidRequest(InvalidRequest.CERTIFICATE_UNTRUSTED));
        assertThat(service.registration("SIM-0001")).isEmpty();
    }

    @Test
    void certificateNotForSigningIsRefused() throws Exception {
        X509Certificate encipherOnly = pki.cardCertificate("SIM-0001", 98, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)), pki.caKeys.getPrivate(), KeyUsage.keyEncipherment);

        assertThat(service.link(signedRequest(encipherOnly, YAMADA, TREATMENT_ONLY, UUID.randomUUID())))
                .isEqualTo(new InvalidRequest(InvalidRequest.CERTIFICATE_NOT_FOR_SIGNING));
    }

    @Test
    void garbageCertificateIsRefused() throws Exception {
        Challenge challenge = service.issueChallenge();
        UnsignedLinkRequest unsigned = new UnsignedLinkRequest("kiosk-1", UUID.randomUUID(), challenge.nonce(),
                new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, YAMADA, TREATMENT_ONLY);

        assertThat(service.link(unsigned.sign(pki.signAsCard(unsigned.signedBytes()))))
                .isEqualTo(new InvalidRequest(InvalidRequest.CERTIFICATE_MALFORMED));
    }

    @Test
    void nonceNotIssuedByTheServiceIsRefused() throws Exception {
        byte[] madeUp = new byte[Challenge.NONCE_LENGTH];
        new SecureRandom().nextBytes(madeUp);
        UnsignedLinkRequest unsigned = new UnsignedLinkRequest("kiosk-1", UUID.randomUUID(), madeUp,
                cards.get("SIM-0001").getEncoded(), YAMADA, TREATMENT_ONLY);

        assertThat(service.link(unsigned.sign(pki.signAsCard(unsigned.signedBytes()))))
                .isEqualTo(new InvalidRequest(InvalidRequest.NONCE_UNKNOWN));
    }

    @Test
    void nonceIsSingleUse() throws Exception {
        LinkRequest first = signedRequest("SIM-0003", SUZUKI, TREATMENT_ONLY);
        UnsignedLinkRequest again = new UnsignedLinkRequest("kiosk-1", UUID.randomUUID(), first.nonce(),
                cards.get("SIM-0001").getEncoded(), YAMADA, TREATMENT_ONLY);

        assertThat(service.link(first)).isEqualTo(new NoEligibilityData());
        assertThat(service.link(again.sign(pki.signAsCard(again.signedBytes()))))
                .isEqualTo(new InvalidRequest(InvalidRequest.NONCE_USED));
        assertThat(service.registration("SIM-0001")).isEmpty();
    }

    @Test
    void nonceExpiresAfterFiveMinutes() throws Exception {
        LinkRequest request = signedRequest("SIM-0001", YAMADA, TREATMENT_ONLY);
        clock.advance(EmbeddedEligibilityService.CHALLENGE_LIFETIME.plusSeconds(1));

        assertThat(service.link(request)).isEqualTo(new InvalidRequest(InvalidRequest.NONCE_EXPIRED));
        assertThat(service.registration("SIM-0001")).isEmpty();
    }

    @Test
    void challengesAreFreshAndShortLived() {
        Challenge one = service.issueChallenge();
        Challenge two = service.issueChallenge();

        assertThat(one.nonce()).hasSize(32).isNotEqualTo(two.nonce());
        assertThat(one.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void retryWithTheSameKeyGetsTheFirstOutcomeAndRegistersOnce() throws Exception {
        LinkRequest request = signedRequest("SIM-0001", YAMADA, TREATMENT_ONLY);

        LinkOutcome first = service.link(request);
        clock.advance(Duration.ofDays(1));
        LinkOutcome retry = service.link(request);

        assertThat(first).isEqualTo(new Registered("全国健康保険協会 東京支部", TODAY));
        assertThat(retry).isEqualTo(first);
        assertThat(count("SELECT COUNT(*) FROM registration WHERE card_id = 'SIM-0001'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM link_request")).isEqualTo(1);
    }

    @Test
    void retryOfARefusedRequestIsRefusedTheSameWay() throws Exception {
        LinkRequest request = signedRequest("SIM-0004", TANAKA, TREATMENT_ONLY);

        assertThat(service.link(request)).isEqualTo(new RecordsDoNotMatch());
        assertThat(service.link(request)).isEqualTo(new RecordsDoNotMatch());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() throws Exception {
        UUID key = UUID.randomUUID();
        service.link(signedRequest(cards.get("SIM-0003"), SUZUKI, TREATMENT_ONLY, key));

        LinkOutcome second = service.link(signedRequest(cards.get("SIM-0001"), YAMADA, TREATMENT_ONLY, key));

        assertThat(second).isEqualTo(new InvalidRequest(InvalidRequest.IDEMPOTENCY_KEY_REUSED));
        assertThat(service.registration("SIM-0001")).isEmpty();
    }

    @Test
    void registrationAndConsentsAreWrittenTogetherOrNotAtAll() throws Exception {
        LinkRequest request = signedRequest("SIM-0001", YAMADA, TREATMENT_ONLY);
        execute("ALTER TABLE consent ADD CONSTRAINT refuse_all CHECK (card_id <> 'SIM-0001')");

        assertThatThrownBy(() -> service.link(request)).isInstanceOf(EligibilityUnavailableException.class);
        assertThat(count("SELECT COUNT(*) FROM registration WHERE card_id = 'SIM-0001'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM consent WHERE card_id = 'SIM-0001'")).isZero();

        execute("ALTER TABLE consent DROP CONSTRAINT refuse_all");
        assertThat(service.link(request)).as("the failed attempt consumed neither the nonce nor the key")
                .isEqualTo(new Registered("全国健康保険協会 東京支部", TODAY));
        assertThat(count("SELECT COUNT(*) FROM registration WHERE card_id = 'SIM-0001'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM consent WHERE card_id = 'SIM-0001'")).isEqualTo(1);
    }

    @Test
    void noCurrentRevocationListMeansUnavailableNotAnOutcome() throws Exception {
        X509CRL stale = pki.crl(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(3)), REVOKED_SERIAL);
        LinkRequest request = signedRequest("SIM-0001", YAMADA, TREATMENT_ONLY);

        assertThatThrownBy(() -> serviceWithCrl(() -> null).link(request))
                .isInstanceOf(EligibilityUnavailableException.class);
        assertThatThrownBy(() -> serviceWithCrl(() -> stale).link(request))
                .isInstanceOf(EligibilityUnavailableException.class)
                .hasMessageContaining("out of date");
        assertThat(service.link(request)).isInstanceOf(Registered.class);
    }

    @Test
    void registrationsSurviveReloadingTheSeed() throws Exception {
        service.link(signedRequest("SIM-0001", YAMADA, TREATMENT_ONLY));

        new InsuranceSeed(db.dataSource()).load(InsuranceSeed.DEFAULT_FILE);

        assertThat(service.registration("SIM-0001")).isPresent();
    }

    private EmbeddedEligibilityService serviceWithCrl(Supplier<X509CRL> revocationList) {
        return new EmbeddedEligibilityService(db.dataSource(), pki.ca, revocationList, clock);
    }

    private LinkRequest signedRequest(String cardId, HolderClaims holder, Consents consents) throws Exception {
        return signedRequest(cards.get(cardId), holder, consents, UUID.randomUUID());
    }

    private LinkRequest signedRequest(X509Certificate certificate, HolderClaims holder, Consents consents, UUID key)
            throws Exception {
        UnsignedLinkRequest unsigned = new UnsignedLinkRequest("kiosk-1", key, service.issueChallenge().nonce(),
                certificate.getEncoded(), holder, consents);
        return unsigned.sign(pki.signAsCard(unsigned.signedBytes()));
    }

    private UnsignedLinkRequest unsignedRequest(String cardId, HolderClaims holder, Consents consents) throws Exception {
        return new UnsignedLinkRequest("kiosk-1", UUID.randomUUID(), service.issueChallenge().nonce(),
                cards.get(cardId).getEncoded(), holder, consents);
    }

    private int count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
