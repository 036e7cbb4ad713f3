package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.net.ssl.SSLSocket;
import javax.sql.DataSource;
import jp.mynakiosk.insurance.Challenge;
import jp.mynakiosk.insurance.EligibilityService;
import jp.mynakiosk.insurance.HolderClaims;
import jp.mynakiosk.insurance.InsuranceSeed;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.LinkRequest;
import jp.mynakiosk.insurance.UnsignedLinkRequest;
import jp.mynakiosk.insurance.http.RemoteEligibilityService;
import jp.mynakiosk.insurance.http.RetryPolicy;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.H2FileDatabase;
import jp.mynakiosk.store.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking throughput and latency: many simulated kiosks registering different people at once, against the embedded
 * service on H2 and against the fleet server (HTTPS, mutual TLS) on PostgreSQL while 1,000 other kiosk connections
 * stay open. Afterwards every registration must be there exactly once. Challenges are issued and the cards' RSA
 * signatures made before the clock starts (a card signs on its own chip, not on the kiosk's or server's CPU).
 *
 * <p>Run: {@code mvn -o test -Dtest=EligibilityBenchmarkTest -Dgroups=benchmark -DexcludedGroups=}
 * (sizes: {@code -Dbench.embedded=40000 -Dbench.remote=6000 -Dbench.idleClients=1000}).
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EligibilityBenchmarkTest {
    private static final HolderClaims HOLDER = new HolderClaims("試験 太郎", java.time.LocalDate.of(1970, 1, 1), 1);
    private static final int PERSONS = Integer.getInteger("bench.embedded", 40_000);
    private static final int REMOTE_LINKS = Integer.getInteger("bench.remote", 6_000);
    private static final int IDLE_CLIENTS = Integer.getInteger("bench.idleClients", 1_000);
    private static final double WARM_UP_SHARE = 0.5;
    private static final int EMBEDDED_KIOSKS = Integer.getInteger("bench.embeddedKiosks", 4);

    private Cards cards;
    private TestTls tls;
    private List<X509Certificate> certificates;
    private Path seed;

    @BeforeAll
    void makeCards(@TempDir Path dir) throws Exception {
        cards = new Cards();
        tls = new TestTls();
        long started = System.nanoTime();
        java.time.Instant now = java.time.Instant.now();
        certificates = IntStream.range(0, PERSONS).parallel().mapToObj(i -> {
            try {
                return cards.pki.cardCertificate(cardId(i), 1_000_000L + i, now.minusSeconds(86_400),
                        now.plusSeconds(86_400L * 365));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        StringBuilder csv = new StringBuilder("card_id,name,birth_date,sex,insurer,eligible_from,registered_on,"
                + "share_treatment_and_medication,share_health_checkups\n");
        for (int i = 0; i < PERSONS; i++) {
            csv.append(cardId(i)).append(",試験 太郎,1970-01-01,1,全国健康保険協会 東京支部,2020-04-01,,,\n");
        }
        seed = Files.writeString(dir.resolve("bench.csv"), csv);
        System.out.printf("setup: %d card certificates in %.1f s%n", PERSONS, (System.nanoTime() - started) / 1e9);
    }

    @Test
    void embeddedH2(@TempDir Path dir) throws Exception {
        try (H2FileDatabase db = Databases.openH2File(dir.resolve("eligibility"), Databases.ELIGIBILITY_MIGRATIONS)) {
            new InsuranceSeed(db.dataSource()).load(seed);
            Fleet fleet = new Fleet(tls, cards, db.dataSource());
            fleet.close();
            run("embedded H2", fleet.embedded(), fleet.embedded(), PERSONS, EMBEDDED_KIOSKS, db.dataSource());
        }
    }

    @Test
    void httpsServerOnPostgres() throws Exception {
        try (TestPostgres postgres = TestPostgres.createOrSkip();
             PostgresDatabase db = Databases.openPostgres(postgres.url, postgres.user, postgres.password, 24,
                     Databases.ELIGIBILITY_MIGRATIONS)) {
            new InsuranceSeed(db.dataSource()).load(seed);
            Fleet fleet = new Fleet(tls, cards, db.dataSource());
            fleet.stopServer();
            fleet.start(0, 24);
            RetryPolicy retry = new RetryPolicy(3, java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(400),
                    java.time.Duration.ofSeconds(10));
            List<SSLSocket> idle = openIdleKiosks(fleet, IDLE_CLIENTS);
            try {
                RemoteEligibilityService remote = fleet.kiosk(tls.kiosk("BENCH-KIOSK"), retry);
                run("HTTPS server + PostgreSQL (" + idle.size() + " idle kiosk connections open)", remote, remote,
                        REMOTE_LINKS, 48, db.dataSource());
                long stillOpen = idle.stream().filter(s -> !s.isClosed()).count();
                System.out.println("idle kiosk connections still open after the run: " + stillOpen);
            } finally {
                for (SSLSocket s : idle) {
                    s.close();
                }
                fleet.close();
            }
        }
    }

    private void run(String name, EligibilityService challenges, EligibilityService links, int count, int kiosks,
                     DataSource db) throws Exception {
        long prepStarted = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(kiosks);
        try {
            List<Future<LinkRequest>> prepared = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                prepared.add(pool.submit(() -> sign(challenges.issueChallenge(), n)));
            }
            List<LinkRequest> requests = new ArrayList<>(count);
            for (Future<LinkRequest> f : prepared) {
                requests.add(f.get());
            }
            double prepSeconds = (System.nanoTime() - prepStarted) / 1e9;

            // The first part warms the JIT up, as in any JVM benchmark; it registers for real and is verified too.
            int warmUp = (int) (count * WARM_UP_SHARE);
            AtomicInteger registered = new AtomicInteger();
            linkAll(pool, kiosks, links, requests.subList(0, warmUp), new long[warmUp], registered);
            int timed = count - warmUp;
            long[] latencies = new long[timed];
            long cpuStarted = processCpuNanos();
            long started = System.nanoTime();
            linkAll(pool, kiosks, links, requests.subList(warmUp, count), latencies, registered);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMsPerLinking = (processCpuNanos() - cpuStarted) / 1e6 / timed;
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "%n== %s: %d linkings by %d concurrent kiosks, the last %d timed%n",
                    name, count, kiosks, timed);
            System.out.printf(Locale.ROOT, "   challenges + card signatures (not timed below): %.1f s%n", prepSeconds);
            System.out.printf(Locale.ROOT, "   throughput %.0f linkings/s; latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f%n",
                    timed / seconds, ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99),
                    latencies[timed - 1] / 1e6);
            // CPU time does not count other processes sharing the machine: a steadier figure than throughput.
            System.out.printf(Locale.ROOT, "   process CPU %.3f ms per linking (every thread of this JVM), i.e. at most"
                    + " %.0f linkings/s per core when nothing else runs%n", cpuMsPerLinking, 1000 / cpuMsPerLinking);

            assertThat(registered.get()).as("every linking answered Registered").isEqualTo(count);
            try (var c = db.getConnection(); var s = c.createStatement();
                 var r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT card_id) FROM registration"
                         + " WHERE card_id LIKE 'BENCH-%'")) {
                r.next();
                assertThat(r.getInt(1)).as("registrations").isEqualTo(count);
                assertThat(r.getInt(2)).as("distinct cards").isEqualTo(count);
            }
            System.out.printf("   verified: %d registrations, each card exactly once%n", count);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Links every request, {@code kiosks} at a time; {@code latencies[i]} is the time of {@code requests.get(i)}. */
    private static void linkAll(ExecutorService pool, int kiosks, EligibilityService links, List<LinkRequest> requests,
                                long[] latencies, AtomicInteger registered) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int k = 0; k < kiosks; k++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    LinkOutcome outcome = links.link(requests.get(i));
                    latencies[i] = System.nanoTime() - t0;
                    if (outcome instanceof LinkOutcome.Registered) {
                        registered.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
    }

    private LinkRequest sign(Challenge challenge, int i) throws Exception {
        UnsignedLinkRequest unsigned = new UnsignedLinkRequest("BENCH-KIOSK", UUID.randomUUID(), challenge.nonce(),
                certificates.get(i).getEncoded(), HOLDER, Cards.BOTH);
        return unsigned.sign(cards.pki.signAsCard(unsigned.signedBytes()));
    }

    /** Kiosks that connect, make one request and then stay connected without a word. */
    private List<SSLSocket> openIdleKiosks(Fleet fleet, int n) throws Exception {
        var factory = tls.kioskContext(tls.kiosk("IDLE-KIOSK")).getSocketFactory();
        List<SSLSocket> sockets = new ArrayList<>();
        byte[] ask = "GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n; i++) {
            SSLSocket s = (SSLSocket) factory.createSocket("127.0.0.1", fleet.port());
            OutputStream out = s.getOutputStream();
            out.write(ask);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[512];
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().endsWith("ok\n")) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                seen.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
            }
            sockets.add(s);
        }
        return sockets;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String cardId(int i) {
        return String.format("BENCH-%06d", i);
    }
}
