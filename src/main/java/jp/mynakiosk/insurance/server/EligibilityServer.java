package jp.mynakiosk.insurance.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import jp.mynakiosk.insurance.EligibilityService;
import jp.mynakiosk.insurance.EligibilityUnavailableException;
import jp.mynakiosk.insurance.http.MalformedMessageException;
import jp.mynakiosk.insurance.http.WireFormat;

/**
 * The eligibility service for a fleet of kiosks: HTTPS with mutual TLS (the JDK's {@code com.sun.net.httpserver},
 * nothing to install), one POST endpoint per operation, bodies in {@link WireFormat}.
 *
 * <ul>
 *   <li>{@code POST /v1/challenge} (empty body) → a challenge</li>
 *   <li>{@code POST /v1/link}, {@code /v1/registration}, {@code /v1/consents} → the outcome</li>
 *   <li>{@code GET /v1/health} → {@code ok} (for probes; also needs a kiosk certificate)</li>
 * </ul>
 *
 * Errors are {@code text/plain} and name the problem: 400 malformed body, 403 the request's kiosk id is not the
 * certificate's, 404/405 wrong path or method, 413 body over {@link WireFormat#MAX_MESSAGE_BYTES}, 415 wrong content
 * type, 503 the eligibility system cannot answer (retry the same request). Nothing is changed by a refused request.
 */
public final class EligibilityServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EligibilityServer.class.getName());

    private final HttpsServer server;
    private final ExecutorService workers;
    private final EligibilityService service;

    private EligibilityServer(HttpsServer server, ExecutorService workers, EligibilityService service) {
        this.server = server;
        this.workers = workers;
        this.service = service;
    }

    /**
     * Starts serving on {@code address} (port 0 picks a free port; see {@link #port()}).
     *
     * @param tls     a context whose key manager holds the server's key and whose trust manager is a {@link KioskTrust}
     * @param threads how many requests are decided at once (about the database pool size)
     */
    public static EligibilityServer start(EligibilityService service, SSLContext tls, InetSocketAddress address,
                                          int threads) throws IOException {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(tls, "tls");
        allowManyIdleKioskConnections();
        HttpsServer server = HttpsServer.create(address, 1024);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                params.setSSLParameters(p);
            }
        });
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "eligibility-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        EligibilityServer s = new EligibilityServer(server, workers, service);
        server.createContext("/v1/", s::handle);
        server.createContext("/", exchange -> s.respond(exchange, 404, "no such endpoint " + exchange.getRequestURI().getPath()));
        server.start();
        LOG.info("Eligibility server listening on " + server.getAddress());
        return s;
    }

    /**
     * The JDK server keeps at most 200 idle connections unless told otherwise; a fleet keeps many more open. A slow
     * client gets 30 s for a request. Only set when the operator has not set them (they are read once per JVM).
     */
    private static void allowManyIdleKioskConnections() {
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "4000");
        setIfAbsent("sun.net.httpserver.maxReqTime", "30");
        setIfAbsent("sun.net.httpserver.maxRspTime", "30");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Optional<String> kiosk = kioskOf(exchange);
            if (kiosk.isEmpty()) {
                LOG.warning("Refused a request to " + path + ": the client certificate names no kiosk");
                respond(exchange, 403, "the client certificate names no kiosk (CN)");
                return;
            }
            switch (path) {
                case "/v1/health" -> {
                    if (method(exchange, "GET")) {
                        respond(exchange, 200, "ok");
                    }
                }
                case "/v1/challenge" -> {
                    if (method(exchange, "POST")) {
                        answer(exchange, kiosk.get(), path, body -> {
                            if (body.length != 0) {
                                throw new MalformedMessageException("a challenge request has an empty body");
                            }
                            return WireFormat.challenge(service.issueChallenge());
                        });
                    }
                }
                case "/v1/link" -> {
                    if (method(exchange, "POST")) {
                        answer(exchange, kiosk.get(), path, body -> {
                            var request = WireFormat.readLinkRequest(body);
                            sameKiosk(kiosk.get(), request.kioskId());
                            return WireFormat.linkOutcome(service.link(request));
                        });
                    }
                }
                case "/v1/registration" -> {
                    if (method(exchange, "POST")) {
                        answer(exchange, kiosk.get(), path, body -> {
                            var query = WireFormat.readRegistrationQuery(body);
                            sameKiosk(kiosk.get(), query.kioskId());
                            return WireFormat.registrationStatus(service.checkRegistration(query));
                        });
                    }
                }
                case "/v1/consents" -> {
                    if (method(exchange, "POST")) {
                        answer(exchange, kiosk.get(), path, body -> {
                            var change = WireFormat.readConsentChange(body);
                            sameKiosk(kiosk.get(), change.kioskId());
                            return WireFormat.consentChangeOutcome(service.changeConsents(change));
                        });
                    }
                }
                default -> respond(exchange, 404, "no such endpoint " + path);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "A kiosk connection failed while answering: " + e);
        }
    }

    /** A request whose kiosk id is not the certificate's: one kiosk acting for another. */
    private static final class KioskMismatch extends RuntimeException {
        KioskMismatch(String message) {
            super(message);
        }
    }

    private static void sameKiosk(String certified, String claimed) {
        if (!certified.equals(claimed)) {
            throw new KioskMismatch("the request names kiosk '" + claimed + "' but the certificate is kiosk '"
                    + certified + "'");
        }
    }

    private void answer(HttpExchange exchange, String kiosk, String path, Function<byte[], byte[]> operation)
            throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!WireFormat.CONTENT_TYPE.equals(type)) {
            respond(exchange, 415, "expected Content-Type " + WireFormat.CONTENT_TYPE + ", got " + type);
            return;
        }
        Optional<byte[]> body = boundedBody(exchange);
        if (body.isEmpty()) {
            LOG.warning("Refused an oversized request from kiosk '" + kiosk + "' to " + path);
            respond(exchange, 413, "a request body is at most " + WireFormat.MAX_MESSAGE_BYTES + " bytes");
            return;
        }
        byte[] answer;
        try {
            answer = operation.apply(body.get());
        } catch (MalformedMessageException e) {
            LOG.warning("Refused a malformed request from kiosk '" + kiosk + "' to " + path + ": " + e.getMessage());
            respond(exchange, 400, "malformed request: " + e.getMessage());
            return;
        } catch (KioskMismatch e) {
            LOG.warning("Refused a request from kiosk '" + kiosk + "' to " + path + ": " + e.getMessage());
            respond(exchange, 403, e.getMessage());
            return;
        } catch (EligibilityUnavailableException e) {
            LOG.warning("Eligibility system unavailable for kiosk '" + kiosk + "' on " + path + ": " + e.getMessage());
            respond(exchange, 503, "the eligibility system is unavailable; retry the same request");
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Unexpected failure for kiosk '" + kiosk + "' on " + path, e);
            respond(exchange, 500, "unexpected server failure; retry the same request");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", WireFormat.CONTENT_TYPE);
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** The body, or empty when it is over the limit (checked from Content-Length first, then while reading). */
    private static Optional<byte[]> boundedBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > WireFormat.MAX_MESSAGE_BYTES) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(WireFormat.MAX_MESSAGE_BYTES + 1);
            return body.length > WireFormat.MAX_MESSAGE_BYTES ? Optional.empty() : Optional.of(body);
        }
    }

    private boolean method(HttpExchange exchange, String expected) throws IOException {
        if (exchange.getRequestMethod().equals(expected)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", expected);
        respond(exchange, 405, exchange.getRequestURI().getPath() + " accepts " + expected + " only");
        return false;
    }

    private static Optional<String> kioskOf(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return Optional.empty();
        }
        try {
            Certificate[] peer = https.getSSLSession().getPeerCertificates();
            return peer.length > 0 && peer[0] instanceof X509Certificate x ? KioskTrust.kioskIdOf(x) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    private void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops accepting, lets running requests finish for up to {@code graceSeconds}, then stops. */
    public void stop(int graceSeconds) {
        server.stop(graceSeconds);
        workers.shutdownNow();
        try {
            workers.awaitTermination(graceSeconds + 1L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(1);
    }
}
