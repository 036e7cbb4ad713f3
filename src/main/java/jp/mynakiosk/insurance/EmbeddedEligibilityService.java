package jp.mynakiosk.insurance;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.mynakiosk.insurance.LinkOutcome.AlreadyRegistered;
import jp.mynakiosk.insurance.LinkOutcome.InvalidRequest;
import jp.mynakiosk.insurance.LinkOutcome.NoEligibilityData;
import jp.mynakiosk.insurance.LinkOutcome.RecordsDoNotMatch;
import jp.mynakiosk.insurance.LinkOutcome.Registered;

/**
 * The eligibility system in the kiosk process, on an H2 database migrated from {@code db/eligibility} and filled by
 * {@link InsuranceSeed}. Each link request is decided in one transaction: the nonce is consumed, the registration
 * and its consents are written, and the outcome is stored by idempotency key together, or not at all.
 */
public final class EmbeddedEligibilityService implements EligibilityService {
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    /** Expired nonces are kept this long so that a late request is told "expired" rather than "unknown". */
    private static final Duration EXPIRED_CHALLENGE_RETENTION = Duration.ofHours(1);
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final CertificateVerifier certificates;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param dataSource     the eligibility database ({@code Databases.openH2File(file, Databases.ELIGIBILITY_MIGRATIONS)})
     * @param trustAnchor    the JPKI CA certificate the cards' user-authentication certificates chain to
     * @param revocationList the CA's current CRL, asked for on every request that gets that far
     * @param clock          the time; its zone decides the registration date (use Asia/Tokyo)
     */
    public EmbeddedEligibilityService(DataSource dataSource, X509Certificate trustAnchor,
                                      Supplier<X509CRL> revocationList, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.certificates = new CertificateVerifier(trustAnchor, revocationList);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Challenge issueChallenge() {
        byte[] nonce = new byte[Challenge.NONCE_LENGTH];
        random.nextBytes(nonce);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(CHALLENGE_LIFETIME);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ChallengeStore.insert(c, nonce, expiresAt, now.minus(EXPIRED_CHALLENGE_RETENTION));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("Cannot issue a challenge", e);
        }
        return new Challenge(nonce, expiresAt);
    }

    @Override
    public LinkOutcome link(LinkRequest request) {
        Objects.requireNonNull(request, "request");
        byte[] fingerprint = fingerprint(request);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<OutcomeStore.Stored> earlier = OutcomeStore.find(c, request.idempotencyKey());
                if (earlier.isPresent()) {
                    c.rollback();
                    return sameRequestOrRefuse(earlier.get(), fingerprint);
                }
                Instant now = clock.instant();
                LinkOutcome outcome = decide(c, request, now);
                OutcomeStore.store(c, request, fingerprint, outcome, now);
                c.commit();
                return outcome;
            } catch (SQLException e) {
                c.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return outcomeOfConcurrentTwin(c, request, fingerprint, e);
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("Cannot decide the link request", e);
        }
    }

    /** The registration of the card, if it has one (for tests and the "check registration" journey). */
    public Optional<RegistrationRecord> registration(String cardId) {
        Objects.requireNonNull(cardId, "cardId");
        try (Connection c = dataSource.getConnection()) {
            return InsuredRecords.registration(c, cardId);
        } catch (SQLException e) {
            throw unavailable("Cannot read the registration", e);
        }
    }

    private LinkOutcome decide(Connection c, LinkRequest request, Instant now) throws SQLException {
        Optional<InvalidRequest> nonceRefused = ChallengeStore.consume(c, request.nonce(), now);
        if (nonceRefused.isPresent()) {
            return nonceRefused.get();
        }
        Optional<X509Certificate> parsed = parseCertificate(request.certificateDer());
        if (parsed.isEmpty()) {
            return new InvalidRequest(InvalidRequest.CERTIFICATE_MALFORMED);
        }
        X509Certificate certificate = parsed.get();
        if (!signatureVerifies(certificate, request)) {
            return new InvalidRequest(InvalidRequest.SIGNATURE_INVALID);
        }
        Optional<LinkOutcome> certificateProblem = certificates.problemWith(certificate, now);
        if (certificateProblem.isPresent()) {
            return certificateProblem.get();
        }
        Optional<String> cardId = CertificateCardId.of(certificate);
        if (cardId.isEmpty()) {
            return new InvalidRequest(InvalidRequest.CERTIFICATE_SUBJECT_UNKNOWN);
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Optional<InsuredPerson> person = InsuredRecords.person(c, cardId.get());
        if (person.isEmpty() || !person.get().eligibleOn(today)) {
            return new NoEligibilityData();
        }
        if (!person.get().matches(request.holder())) {
            return new RecordsDoNotMatch();
        }
        Optional<RegistrationRecord> existing = InsuredRecords.registration(c, cardId.get());
        if (existing.isPresent()) {
            return new AlreadyRegistered(existing.get().insurerName(), existing.get().registeredOn());
        }
        InsuredRecords.register(c, cardId.get(), today, request.kioskId(), request.consents());
        return new Registered(person.get().insurerName(), today);
    }

    private static LinkOutcome sameRequestOrRefuse(OutcomeStore.Stored earlier, byte[] fingerprint) {
        return MessageDigest.isEqual(earlier.requestSha256(), fingerprint)
                ? earlier.outcome()
                : new InvalidRequest(InvalidRequest.IDEMPOTENCY_KEY_REUSED);
    }

    /** A request with the same key committed first while this one was being decided: answer as it was answered. */
    private LinkOutcome outcomeOfConcurrentTwin(Connection c, LinkRequest request, byte[] fingerprint,
                                                SQLException conflict) throws SQLException {
        Optional<OutcomeStore.Stored> twin = OutcomeStore.find(c, request.idempotencyKey());
        c.rollback();
        if (twin.isEmpty()) {
            throw conflict;
        }
        return sameRequestOrRefuse(twin.get(), fingerprint);
    }

    private static Optional<X509Certificate> parseCertificate(byte[] der) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static boolean signatureVerifies(X509Certificate certificate, LinkRequest request) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(request.signedBytes());
            return verifier.verify(request.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Binds an idempotency key to the exact request: its signed bytes and its signature. */
    private static byte[] fingerprint(LinkRequest request) {
        byte[] signed = request.signedBytes();
        byte[] signature = request.signature();
        byte[] both = new byte[signed.length + signature.length];
        System.arraycopy(signed, 0, both, 0, signed.length);
        System.arraycopy(signature, 0, both, signed.length, signature.length);
        return UnsignedLinkRequest.sha256(both);
    }

    private static EligibilityUnavailableException unavailable(String what, SQLException e) {
        return new EligibilityUnavailableException(what + ": SQLState " + e.getSQLState() + ", " + e.getMessage(), e);
    }
}
