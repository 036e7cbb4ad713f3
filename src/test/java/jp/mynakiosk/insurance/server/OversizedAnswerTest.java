package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.mynakiosk.insurance.Challenge;
import jp.mynakiosk.insurance.Consents;
import jp.mynakiosk.insurance.EligibilityUnavailableException;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.RegistrationStatus;
import jp.mynakiosk.insurance.http.RemoteEligibilityService;
import jp.mynakiosk.insurance.http.RetryPolicy;
import jp.mynakiosk.insurance.http.WireFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kiosk's client reads at most {@link WireFormat#MAX_ANSWER_BYTES} of an answer, whatever the server sends. */
class OversizedAnswerTest {
    private static final long HUGE = 256L * 1024 * 1024;
    private static final RetryPolicy PATIENT = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(40),
            Duration.ofSeconds(5));

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private TestTls tls;
    private HttpsServer server;
    private RemoteEligibilityService remote;

    @BeforeEach
    void start() throws Exception {
        tls = new TestTls();
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext(Optional::empty)));
        server.start();
        remote = new RemoteEligibilityService(URI.create("https://localhost:" + server.getAddress().getPort() + "/"),
                tls.kioskContext(tls.kiosk("KIOSK-O")), PATIENT);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aHugeAnswerWithoutLengthIsRefusedAfterTheCapAndNotRetried() {
        server.createContext("/v1/challenge", exchange -> endless(exchange, 0));

        assertRefusedQuickly();
    }

    @Test
    void aHugeDeclaredLengthIsRefusedBeforeTheBodyIsRead() {
        server.createContext("/v1/challenge", exchange -> endless(exchange, HUGE));

        assertRefusedQuickly();
    }

    @Test
    void anErrorPageOverTheCapIsCutAndTheTryRepeatedLikeAnyOther503() {
        server.createContext("/v1/challenge", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(503, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] page = "busy ".repeat(20_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                out.write(page);
            } catch (IOException e) {
                // the client hung up after the first 4 KiB
            }
        });

        assertThatThrownBy(remote::issueChallenge).isInstanceOf(EligibilityUnavailableException.class)
                .hasMessageContaining("after 3 tries").hasMessageContaining("HTTP 503: busy busy");
        assertThat(requests.get()).as("a 503 is retried, however long its page").isEqualTo(3);
    }

    @Test
    void theLargestRealAnswersPassWithRoomToSpare() throws Exception {
        String longestInsurer = "𠮷".repeat(200); // 4 bytes each in UTF-8
        byte[] status = WireFormat.registrationStatus(new RegistrationStatus.Registered(longestInsurer,
                LocalDate.of(2026, 1, 1), new Consents(true, true)));
        byte[] outcome = WireFormat.linkOutcome(new LinkOutcome.AlreadyRegistered(longestInsurer,
                LocalDate.of(2026, 1, 1)));
        assertThat(Math.max(status.length, outcome.length)).isLessThan(WireFormat.MAX_ANSWER_BYTES - 2048);
        byte[] challenge = WireFormat.challenge(new Challenge(new byte[Challenge.NONCE_LENGTH],
                java.time.Instant.parse("2026-01-01T00:00:00Z")));
        server.createContext("/v1/challenge", exchange -> answer(exchange, challenge));

        assertThat(remote.issueChallenge().nonce()).hasSize(Challenge.NONCE_LENGTH);
    }

    private void assertRefusedQuickly() {
        long started = System.nanoTime();

        assertThatThrownBy(remote::issueChallenge).isInstanceOf(EligibilityUnavailableException.class)
                .hasMessageContaining("Protocol error").hasMessageContaining("/v1/challenge")
                .hasMessageContaining("oversized body").hasMessageContaining("4096 bytes");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(requests.get()).as("a protocol error is not retried").isEqualTo(1);
        awaitServerGaveUp();
        assertThat(written.get()).as("bytes the server got out before the kiosk hung up").isLessThan(HUGE / 4);
    }

    /** Sends zeros until the client hangs up; {@code declared} 0 means no Content-Length (chunked). */
    private void endless(HttpExchange exchange, long declared) throws IOException {
        requests.incrementAndGet();
        byte[] chunk = new byte[64 * 1024];
        try (exchange) {
            exchange.sendResponseHeaders(200, declared);
            OutputStream out = exchange.getResponseBody();
            for (long sent = 0; sent < HUGE; sent += chunk.length) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        } catch (IOException e) {
            // the client hung up: what this test wants
        } finally {
            finished.countDown();
        }
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", WireFormat.CONTENT_TYPE);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void awaitServerGaveUp() {
        try {
            assertThat(finished.await(10, TimeUnit.SECONDS)).as("the server's write ended").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
