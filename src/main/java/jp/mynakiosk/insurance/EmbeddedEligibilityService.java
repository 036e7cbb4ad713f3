package jp.mynakiosk.insurance;

import java.security.MessageDigest;
import java.security.SecureRandom;
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
import jp.mynakiosk.insurance.CardAuthenticator.Authenticated;
import jp.mynakiosk.insurance.CardAuthenticator.Refused;
import jp.mynakiosk.insurance.LinkOutcome.AlreadyRegistered;
import jp.mynakiosk.insurance.LinkOutcome.InvalidRequest;
import jp.mynakiosk.insurance.LinkOutcome.NoEligibilityData;
import jp.mynakiosk.insurance.LinkOutcome.RecordsDoNotMatch;
import jp.mynakiosk.insurance.LinkOutcome.Registered;

/**
 * The eligibility system on a JDBC database migrated from {@code db/eligibility}: H2 inside the kiosk, or
 * PostgreSQL behind the fleet server. Each request is decided in one transaction: the nonce is consumed, the
 * registration or consents are written, and the outcome is stored by idempotency key together, or not at all.
 */
public final class EmbeddedEligibilityService implements EligibilityService {
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    /** Expired nonces are kept this long so that a late request is told "expired" rather than "unknown". */
    private static final Duration EXPIRED_CHALLENGE_RETENTION = Duration.ofHours(1);
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final CardAuthenticator authenticator;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** One transaction's work; may throw SQLException (the transaction is then rolled back). */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * @param dataSource     the eligibility database ({@code Databases.openH2File(file, Databases.ELIGIBILITY_MIGRATIONS)}
     *                       or {@code Databases.openPostgres(...)})
     * @param trustAnchor    the JPKI CA certificate the cards' user-authentication certificates chain to
     * @param revocationList the CA's current CRL, asked for on every request that gets that far
     * @param clock          the time; its zone decides the registration date (use Asia/Tokyo)
     */
    public EmbeddedEligibilityService(DataSource dataSource, X509Certificate trustAnchor,
                                      Supplier<X509CRL> revocationList, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.authenticator = new CardAuthenticator(trustAnchor, revocationList);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Challenge issueChallenge() {
        byte[] nonce = new byte[Challenge.NONCE_LENGTH];
        random.nextBytes(nonce);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(CHALLENGE_LIFETIME);
        inTransaction("Cannot issue a challenge", c -> {
            ChallengeStore.insert(c, nonce, expiresAt, now.minus(EXPIRED_CHALLENGE_RETENTION));
            return null;
        });
        return new Challenge(nonce, expiresAt);
    }

    @Override
    public LinkOutcome link(LinkRequest request) {
        Objects.requireNonNull(request, "request");
        CardEvidence evidence = CardEvidence.of(request.nonce(), request.certificateDer(), request.signedBytes(),
                request.signature());
        return inTransaction("Cannot decide the link request", c -> {
            Optional<OutcomeStore.Stored> earlier = OutcomeStore.find(c, request.idempotencyKey());
            if (earlier.isPresent()) {
                return sameRequestOrRefuse(earlier.get(), evidence.fingerprint());
            }
            Instant now = clock.instant();
            LinkOutcome outcome = decideLink(c, request, evidence, now);
            OutcomeStore.store(c, request, evidence.fingerprint(), outcome, now);
            return outcome;
        }, c -> OutcomeStore.find(c, request.idempotencyKey())
                .map(twin -> sameRequestOrRefuse(twin, evidence.fingerprint())));
    }

    @Override
    public RegistrationStatus checkRegistration(RegistrationQuery query) {
        Objects.requireNonNull(query, "query");
        CardEvidence evidence = CardEvidence.of(query.nonce(), query.certificateDer(), query.signedBytes(),
                query.signature());
        return inTransaction("Cannot answer the registration query", c -> {
            Instant now = clock.instant();
            CardAuthenticator.Result result = authenticator.authenticate(c, evidence, now);
            if (result instanceof Refused refused) {
                return statusOf(refused.refusal());
            }
            String cardId = ((Authenticated) result).cardId();
            Optional<InsuredRecords.OnFile> onFile = InsuredRecords.personAndRegistration(c, cardId);
            if (onFile.isPresent() && onFile.get().registration().isPresent()) {
                RegistrationRecord r = onFile.get().registration().get();
                return new RegistrationStatus.Registered(r.insurerName(), r.registeredOn(), r.consents());
            }
            if (onFile.isEmpty() || !onFile.get().person().eligibleOn(LocalDate.ofInstant(now, clock.getZone()))) {
                return new RegistrationStatus.NoEligibilityData();
            }
            return new RegistrationStatus.NotRegistered(onFile.get().person().insurerName());
        });
    }

    @Override
    public ConsentChangeOutcome changeConsents(ConsentChange change) {
        Objects.requireNonNull(change, "change");
        CardEvidence evidence = CardEvidence.of(change.nonce(), change.certificateDer(), change.signedBytes(),
                change.signature());
        return inTransaction("Cannot decide the consent change", c -> {
            Optional<ConsentChangeStore.Stored> earlier = ConsentChangeStore.find(c, change.idempotencyKey());
            if (earlier.isPresent()) {
                return sameChangeOrRefuse(earlier.get(), evidence.fingerprint());
            }
            Instant now = clock.instant();
            ConsentChangeOutcome outcome = decideConsentChange(c, change, evidence, now);
            ConsentChangeStore.store(c, change, evidence.fingerprint(), outcome, now);
            return outcome;
        }, c -> ConsentChangeStore.find(c, change.idempotencyKey())
                .map(twin -> sameChangeOrRefuse(twin, evidence.fingerprint())));
    }

    /** The registration of the card, if it has one (for tests and operators; the kiosk asks with a signed query). */
    public Optional<RegistrationRecord> registration(String cardId) {
        Objects.requireNonNull(cardId, "cardId");
        try (Connection c = dataSource.getConnection()) {
            return InsuredRecords.registration(c, cardId);
        } catch (SQLException e) {
            throw unavailable("Cannot read the registration", e);
        }
    }

    private LinkOutcome decideLink(Connection c, LinkRequest request, CardEvidence evidence, Instant now)
            throws SQLException {
        CardAuthenticator.Result result = authenticator.authenticate(c, evidence, now);
        if (result instanceof Refused refused) {
            return refused.refusal();
        }
        String cardId = ((Authenticated) result).cardId();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Optional<InsuredRecords.OnFile> onFile = InsuredRecords.personAndRegistration(c, cardId);
        if (onFile.isEmpty() || !onFile.get().person().eligibleOn(today)) {
            return new NoEligibilityData();
        }
        InsuredPerson person = onFile.get().person();
        if (!person.matches(request.holder())) {
            return new RecordsDoNotMatch();
        }
        Optional<RegistrationRecord> existing = onFile.get().registration();
        if (existing.isPresent()) {
            return new AlreadyRegistered(existing.get().insurerName(), existing.get().registeredOn());
        }
        InsuredRecords.register(c, cardId, today, request.kioskId(), request.consents());
        return new Registered(person.insurerName(), today);
    }

    private ConsentChangeOutcome decideConsentChange(Connection c, ConsentChange change, CardEvidence evidence,
                                                     Instant now) throws SQLException {
        CardAuthenticator.Result result = authenticator.authenticate(c, evidence, now);
        if (result instanceof Refused refused) {
            return changeOutcomeOf(refused.refusal());
        }
        String cardId = ((Authenticated) result).cardId();
        Optional<RegistrationRecord> registration = InsuredRecords.registration(c, cardId);
        if (registration.isEmpty()) {
            return new ConsentChangeOutcome.NotRegistered();
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        InsuredRecords.changeConsents(c, cardId, change.consents(), today);
        return new ConsentChangeOutcome.Changed(registration.get().insurerName(), change.consents(), today);
    }

    private static RegistrationStatus statusOf(LinkOutcome refusal) {
        if (refusal instanceof LinkOutcome.CertificateExpired) {
            return new RegistrationStatus.CertificateExpired();
        }
        if (refusal instanceof LinkOutcome.CertificateRevoked) {
            return new RegistrationStatus.CertificateRevoked();
        }
        return new RegistrationStatus.InvalidRequest(((InvalidRequest) refusal).code());
    }

    private static ConsentChangeOutcome changeOutcomeOf(LinkOutcome refusal) {
        if (refusal instanceof LinkOutcome.CertificateExpired) {
            return new ConsentChangeOutcome.CertificateExpired();
        }
        if (refusal instanceof LinkOutcome.CertificateRevoked) {
            return new ConsentChangeOutcome.CertificateRevoked();
        }
        return new ConsentChangeOutcome.InvalidRequest(((InvalidRequest) refusal).code());
    }

    private static LinkOutcome sameRequestOrRefuse(OutcomeStore.Stored earlier, byte[] fingerprint) {
        return MessageDigest.isEqual(earlier.requestSha256(), fingerprint)
                ? earlier.outcome()
                : new InvalidRequest(InvalidRequest.IDEMPOTENCY_KEY_REUSED);
    }

    private static ConsentChangeOutcome sameChangeOrRefuse(ConsentChangeStore.Stored earlier, byte[] fingerprint) {
        return MessageDigest.isEqual(earlier.requestSha256(), fingerprint)
                ? earlier.outcome()
                : new ConsentChangeOutcome.InvalidRequest(InvalidRequest.IDEMPOTENCY_KEY_REUSED);
    }

    private <T> T inTransaction(String what, Work<T> work) {
        return inTransaction(what, work, c -> Optional.empty());
    }

    /**
     * Runs {@code work} in one transaction. When it fails on a unique key because a request with the same
     * idempotency key committed first, {@code twinOutcome} reads that request's outcome in a fresh transaction.
     */
    private <T> T inTransaction(String what, Work<T> work, Work<Optional<T>> twinOutcome) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                if (rolledBack(c, e) && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    Optional<T> twin = twinOutcome.run(c);
                    c.rollback();
                    if (twin.isPresent()) {
                        return twin.get();
                    }
                }
                throw e;
            } catch (RuntimeException e) {
                rolledBack(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    /**
     * Rolls back after {@code failure}. When the connection is broken (the database restarted) the rollback fails
     * too: that is added to {@code failure}, whose SQLState says why, and false is returned.
     */
    private static boolean rolledBack(Connection c, Exception failure) {
        try {
            c.rollback();
            return true;
        } catch (SQLException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
            return false;
        }
    }

    private static EligibilityUnavailableException unavailable(String what, SQLException e) {
        return new EligibilityUnavailableException(what + ": SQLState " + e.getSQLState() + ", " + e.getMessage(), e);
    }
}
