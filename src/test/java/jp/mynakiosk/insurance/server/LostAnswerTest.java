package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.mynakiosk.insurance.EligibilityUnavailableException;
import jp.mynakiosk.insurance.http.RemoteEligibilityService;
import jp.mynakiosk.insurance.http.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When no answer comes, the kiosk's client says whether the request may still have been carried out: only then may
 * the kiosk not tell the user "not done" (it sends them to "check registration" instead).
 */
class LostAnswerTest {
    /** For the server that never answers: each try ends after 1 s. */
    private static final RetryPolicy SHORT = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofSeconds(1));
    /** Where an answer comes at once: long enough that a slow TLS handshake on a busy machine never times out. */
    private static final RetryPolicy PATIENT = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofSeconds(10));

    private final CountDownLatch release = new CountDownLatch(1);
    private TestTls tls;
    private HttpsServer server;

    @BeforeEach
    void start() throws Exception {
        tls = new TestTls();
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext(Optional::empty)));
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aServerThatTookTheRequestAndNeverAnsweredMayHaveDoneIt() throws Exception {
        server.createContext("/v1/challenge", exchange -> {
            exchange.getRequestBody().readAllBytes();
            await();
            exchange.close();
        });

        assertThat(failureOf(kioskOn(server.getAddress().getPort(), SHORT)).mayHaveBeenDone()).isTrue();
    }

    @Test
    void aServerThatAnswered503DidNothing() throws Exception {
        server.createContext("/v1/challenge", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });

        assertThat(failureOf(kioskOn(server.getAddress().getPort(), PATIENT)).mayHaveBeenDone()).isFalse();
    }

    @Test
    void aProxysGatewayTimeoutMayHideAServerThatActed() throws Exception {
        server.createContext("/v1/challenge", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(504, -1);
            exchange.close();
        });

        assertThat(failureOf(kioskOn(server.getAddress().getPort(), PATIENT)).mayHaveBeenDone()).isTrue();
    }

    @Test
    void nobodyListeningMeansNothingWasDone() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        EligibilityUnavailableException failure = failureOf(kioskOn(closedPort, PATIENT));

        assertThat(failure.mayHaveBeenDone()).isFalse();
        assertThat(failure.getMessage()).doesNotContain("may have reached");
    }

    private RemoteEligibilityService kioskOn(int port, RetryPolicy retry) throws Exception {
        return new RemoteEligibilityService(URI.create("https://localhost:" + port + "/"),
                tls.kioskContext(tls.kiosk("KIOSK-L")), retry);
    }

    private static EligibilityUnavailableException failureOf(RemoteEligibilityService kiosk) {
        EligibilityUnavailableException failure =
                catchThrowableOfType(kiosk::issueChallenge, EligibilityUnavailableException.class);
        assertThat(failure).as("the call ends as unavailable").isNotNull();
        return failure;
    }

    private void await() throws IOException {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
