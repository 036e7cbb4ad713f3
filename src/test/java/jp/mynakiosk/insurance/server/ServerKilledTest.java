package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jp.mynakiosk.insurance.EligibilityUnavailableException;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.LinkRequest;
import jp.mynakiosk.insurance.http.RemoteEligibilityService;
import jp.mynakiosk.insurance.http.RetryPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The fleet server killed for real (SIGKILL of its own JVM) while a kiosk's link request is in flight, on
 * PostgreSQL. The kill point is made exact from outside the server: before the commit, the test holds a lock on the
 * registration table, so the request waits inside its transaction; after the commit, the relay in front of the
 * server loses the answer and the test kills once the outcome row is visible. A new server process on the same
 * database then answers the kiosk's retry (same signed bytes, same idempotency key). One database and one server
 * process for the class; each kill costs one JVM start. Skipped without PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerKilledTest {
    /** Patient enough to outlast a new server JVM's start on a busy machine (at least ~9 s of pauses). */
    private static final RetryPolicy OUTLASTS_A_RESTART = new RetryPolicy(20, Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofSeconds(10));
    /** A kiosk's usual number of tries, each short: only ever sent to a frozen or dead server. */
    private static final RetryPolicy USUAL = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofMillis(500));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TestPostgres postgres;
    private Cards cards;
    private TestTls tls;
    private TestTls.KioskCredential kiosk;
    private ServerProcess server;
    private LossyRelay relay;
    private RemoteEligibilityService patient;
    private String noPostgres;

    @BeforeAll
    void startServer(@TempDir Path dir) throws Exception {
        try {
            postgres = TestPostgres.createOrSkip();
        } catch (TestAbortedException e) {
            noPostgres = e.getMessage(); // said by each test: an abort here would skip the class without a word
            return;
        }
        tls = new TestTls();
        cards = new Cards();
        kiosk = tls.kiosk("KIOSK-K");
        int port = ServerProcess.freePort();
        server = new ServerProcess(ServerFiles.write(dir, tls, cards, postgres, port), dir.resolve("server.log"), port);
        server.start();
        relay = new LossyRelay(port);
        patient = kiosk(relay.port(), OUTLASTS_A_RESTART);
    }

    @BeforeEach
    void serverRuns() throws Exception {
        if (noPostgres != null) {
            Assumptions.abort(noPostgres);
        }
        relay.passAnswers();
        if (!server.alive()) {
            server.start();
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void killedBeforeTheCommitTheRetryRegistersOnceOnTheNewServer() throws Exception {
        LinkRequest request = cards.link(patient, "KIOSK-K", "SIM-0001", Cards.YAMADA);
        CompletableFuture<LinkOutcome> outcome;
        Instant killedAt;
        try (Connection holder = connect(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE registration IN EXCLUSIVE MODE"); // reads go on; the server's INSERT waits
            outcome = CompletableFuture.supplyAsync(() -> patient.link(request));
            awaitServerWaitingForALock();

            server.kill();
            killedAt = Instant.now();
            holder.rollback();
        }
        server.start();

        assertThat(outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(LinkOutcome.Registered.class);
        assertThat(count("SELECT COUNT(*) FROM registration WHERE card_id = 'SIM-0001'")).isEqualTo(1);
        assertThat(outcomesStoredFor(request.idempotencyKey())).isEqualTo(1);
        assertThat(decidedAt(request.idempotencyKey())).as("decided by the new server").isAfter(killedAt);
        assertThat(patient.link(cards.link(patient, "KIOSK-K", "SIM-0001", Cards.YAMADA)))
                .as("the next session").isInstanceOf(LinkOutcome.AlreadyRegistered.class);
    }

    @Test
    @Order(2)
    void killedAfterTheCommitTheRetryGetsTheFirstOutcomeFromTheNewServer() throws Exception {
        LinkRequest request = cards.link(patient, "KIOSK-K", "SIM-0002", Cards.SATO);
        relay.dropAnswers();
        CompletableFuture<LinkOutcome> outcome = CompletableFuture.supplyAsync(() -> patient.link(request));
        awaitOutcomeStored(request.idempotencyKey());
        assertThat(relay.awaitDroppedAnswer(WAIT)).as("the server's answer was lost").isTrue();

        server.kill();
        Instant killedAt = Instant.now();
        relay.passAnswers();
        server.start();

        assertThat(outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the first outcome, not 'already registered'")
                .isInstanceOf(LinkOutcome.Registered.class);
        assertThat(count("SELECT COUNT(*) FROM registration WHERE card_id = 'SIM-0002'")).isEqualTo(1);
        assertThat(outcomesStoredFor(request.idempotencyKey())).isEqualTo(1);
        assertThat(decidedAt(request.idempotencyKey())).as("decided by the killed server").isBefore(killedAt);
        assertThat(patient.link(cards.link(patient, "KIOSK-K", "SIM-0002", Cards.SATO)))
                .as("the next session").isInstanceOf(LinkOutcome.AlreadyRegistered.class);
    }

    @Test
    @Order(3)
    void aServerThatStaysFrozenOrDeadEndsTheKiosksCallAsUnavailable() throws Exception {
        RemoteEligibilityService usual = kiosk(server.port(), USUAL);
        LinkRequest request = cards.link(patient, "KIOSK-K", "SIM-0005", Cards.KATO);

        server.freeze();
        assertUnavailableWithin(usual, request, Duration.ofSeconds(4));
        server.kill();
        assertUnavailableWithin(usual, request, Duration.ofSeconds(2));

        assertThat(count("SELECT COUNT(*) FROM registration WHERE card_id = 'SIM-0005'")).isZero();
        assertThat(outcomesStoredFor(request.idempotencyKey())).isZero();
    }

    private static void assertUnavailableWithin(RemoteEligibilityService kiosk, LinkRequest request, Duration limit) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> kiosk.link(request)).isInstanceOf(EligibilityUnavailableException.class)
                .hasMessageContaining("after 3 tries");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit);
    }

    private RemoteEligibilityService kiosk(int port, RetryPolicy retry) throws Exception {
        return new RemoteEligibilityService(URI.create("https://localhost:" + port + "/"), tls.kioskContext(kiosk),
                retry);
    }

    /** Until a session of the server waits for a lock in this test's database. */
    private void awaitServerWaitingForALock() throws Exception {
        awaitCount("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()", "a server session waiting for the lock");
    }

    private void awaitOutcomeStored(UUID key) throws Exception {
        awaitCount("SELECT COUNT(*) FROM link_request WHERE idempotency_key = '" + key + "'",
                "the link outcome committed");
    }

    private void awaitCount(String sql, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count(sql) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + WAIT.toSeconds() + " s: " + what + "; server log:\n"
                        + server.logTail());
            }
            Thread.sleep(10);
        }
    }

    private int outcomesStoredFor(UUID key) throws SQLException {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM link_request WHERE idempotency_key = ?")) {
            s.setObject(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private Instant decidedAt(UUID key) throws SQLException {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT decided_at FROM link_request WHERE idempotency_key = ?")) {
            s.setObject(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private Connection connect() throws SQLException {
        return TestPostgres.connect(postgres.url, postgres.user, postgres.password);
    }
}
