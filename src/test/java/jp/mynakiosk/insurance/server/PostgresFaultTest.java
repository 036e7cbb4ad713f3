package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import jp.mynakiosk.insurance.Challenge;
import jp.mynakiosk.insurance.EligibilityUnavailableException;
import jp.mynakiosk.insurance.HolderClaims;
import jp.mynakiosk.insurance.InsuranceSeed;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.LinkRequest;
import jp.mynakiosk.insurance.http.RemoteEligibilityService;
import jp.mynakiosk.insurance.http.RetryPolicy;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults on PostgreSQL, plus PostgreSQL itself restarted (for real, by {@value TestPostgres#RESTART}) under the
 * server while kiosks link. Skipped without PostgreSQL; the restart test also without the restart command.
 */
class PostgresFaultTest extends FaultTests {
    private static final HolderClaims HOLDER = new HolderClaims("試験 次郎", java.time.LocalDate.of(1980, 2, 2), 1);
    private static final int KIOSKS = 3;
    private static final int LINKS_PER_KIOSK = 12;
    /** Outlasts a restart: the server waits up to 5 s for a connection, a try may take 10 s, tries go on for ~9 s. */
    private static final RetryPolicy OUTLASTS_A_RESTART = new RetryPolicy(20, Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofSeconds(10));

    private TestPostgres postgres;
    private PostgresDatabase db;

    @Override
    DataSource openDatabase() {
        postgres = TestPostgres.createOrSkip();
        db = Databases.openPostgres(postgres.url, postgres.user, postgres.password, 8, Databases.ELIGIBILITY_MIGRATIONS);
        return db.dataSource();
    }

    @Override
    void closeDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** One link session of one kiosk: when it started and ended (nanoTime) and what it was told. */
    private record Session(String cardId, long started, long ended, LinkOutcome outcome) {
    }

    @Test
    void postgresRestartedWhileKiosksLinkLosesAndDoublesNothing(@TempDir Path dir) throws Exception {
        String restart = System.getenv(TestPostgres.RESTART);
        assumeTrue(restart != null && !restart.isBlank(), "PostgreSQL restart test skipped: " + TestPostgres.RESTART
                + " (a command that restarts the test PostgreSQL) is not set; .ci/run sets it");
        new InsuranceSeed(fleet.dataSource).load(seed(dir));
        AtomicInteger unavailable = new AtomicInteger();
        fleet.serve(service -> new Delegating(service) {
            @Override
            public Challenge issueChallenge() {
                try {
                    return super.issueChallenge();
                } catch (EligibilityUnavailableException e) {
                    unavailable.incrementAndGet();
                    throw e;
                }
            }

            @Override
            public LinkOutcome link(LinkRequest request) {
                try {
                    return super.link(request);
                } catch (EligibilityUnavailableException e) {
                    unavailable.incrementAndGet();
                    throw e;
                }
            }
        });
        AtomicInteger finished = new AtomicInteger();
        ExecutorService kiosks = Executors.newFixedThreadPool(KIOSKS);
        List<Future<List<Session>>> runs = new ArrayList<>();
        for (int k = 0; k < KIOSKS; k++) {
            String kioskId = "KIOSK-R" + k;
            RemoteEligibilityService remote = fleet.kiosk(tls.kiosk(kioskId), OUTLASTS_A_RESTART);
            int first = k * LINKS_PER_KIOSK;
            runs.add(kiosks.submit(() -> link(remote, kioskId, first, finished)));
        }
        while (finished.get() < KIOSKS * 2) {
            Thread.sleep(5);
        }

        long restartStarted = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", restart).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("restart command finished").isTrue();
        assertThat(process.exitValue()).as("exit code of " + restart).isZero();
        long restartEnded = System.nanoTime();

        List<Session> sessions = new ArrayList<>();
        for (Future<List<Session>> run : runs) {
            sessions.addAll(run.get(90, TimeUnit.SECONDS));
        }
        kiosks.shutdown();
        int total = KIOSKS * LINKS_PER_KIOSK;
        assertThat(sessions).hasSize(total).allSatisfy(s -> assertThat(s.outcome())
                .as(s.cardId()).isInstanceOf(LinkOutcome.Registered.class));
        assertThat(sessions).as("links done before the restart").anyMatch(s -> s.ended() < restartStarted);
        assertThat(sessions).as("links in flight during the restart")
                .anyMatch(s -> s.started() < restartEnded && s.ended() > restartStarted);
        assertThat(sessions).as("links begun after the restart").anyMatch(s -> s.started() > restartEnded);
        assertThat(fleet.count("SELECT COUNT(*) FROM registration WHERE card_id LIKE 'RESTART-%'")).isEqualTo(total);
        assertThat(fleet.count("SELECT COUNT(DISTINCT card_id) FROM registration WHERE card_id LIKE 'RESTART-%'"))
                .isEqualTo(total);
        assertThat(fleet.count("SELECT COUNT(*) FROM link_request WHERE kiosk_id LIKE 'KIOSK-R%'")).isEqualTo(total);

        RemoteEligibilityService oneTry = fleet.kiosk(kiosk, new RetryPolicy(1, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(5)));
        assertThat(oneTry.link(cards.link(oneTry, "KIOSK-F", "SIM-0001", Cards.YAMADA)))
                .as("the pool has recovered: one try is enough").isInstanceOf(LinkOutcome.Registered.class);
        System.out.printf("PostgreSQL restart: %d ms; requests the server answered \"unavailable\" meanwhile: %d%n",
                (restartEnded - restartStarted) / 1_000_000, unavailable.get());
    }

    private List<Session> link(RemoteEligibilityService remote, String kioskId, int first, AtomicInteger finished)
            throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = first; i < first + LINKS_PER_KIOSK; i++) {
            long started = System.nanoTime();
            LinkOutcome outcome = remote.link(cards.link(remote, kioskId, cardId(i), HOLDER));
            sessions.add(new Session(cardId(i), started, System.nanoTime(), outcome));
            finished.incrementAndGet();
        }
        return sessions;
    }

    private static Path seed(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("card_id,name,birth_date,sex,insurer,eligible_from,registered_on,"
                + "share_treatment_and_medication,share_health_checkups\n");
        for (int i = 0; i < KIOSKS * LINKS_PER_KIOSK; i++) {
            csv.append(cardId(i)).append(",試験 次郎,1980-02-02,1,全国健康保険協会 東京支部,2020-04-01,,,\n");
        }
        return Files.writeString(dir.resolve("restart.csv"), csv);
    }

    private static String cardId(int i) {
        return String.format("RESTART-%04d", i);
    }
}
