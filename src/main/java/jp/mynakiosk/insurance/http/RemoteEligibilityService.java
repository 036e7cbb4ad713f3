package jp.mynakiosk.insurance.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import jp.mynakiosk.insurance.Challenge;
import jp.mynakiosk.insurance.ConsentChange;
import jp.mynakiosk.insurance.ConsentChangeOutcome;
import jp.mynakiosk.insurance.EligibilityService;
import jp.mynakiosk.insurance.EligibilityUnavailableException;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.LinkRequest;
import jp.mynakiosk.insurance.RegistrationQuery;
import jp.mynakiosk.insurance.RegistrationStatus;

/**
 * The kiosk's client of the fleet server ({@code insurance.server.EligibilityServer}): HTTPS with this kiosk's
 * client certificate. A try that fails to connect, times out, or gets a 5xx answer is retried per the
 * {@link RetryPolicy}: safe, because a request is sent again byte for byte (same nonce, idempotency key and
 * signature) and the server answers a repeated request with its first outcome. When every try failed, or the server
 * refuses a request that has no outcome for it (4xx), it throws {@link EligibilityUnavailableException}; so does an
 * answer that is malformed or larger than {@link WireFormat#MAX_ANSWER_BYTES} (read no further, not retried). Each try
 * is bounded by the policy's timeout, so a dead or stalled server ends the call as unavailable, never a hang.
 */
public final class RemoteEligibilityService implements EligibilityService {
    /** A proxy between kiosk and server: the server's answer was bad or did not come in time. */
    private static final int BAD_GATEWAY = 502;
    private static final int GATEWAY_TIMEOUT = 504;
    private static final Logger LOG = Logger.getLogger(RemoteEligibilityService.class.getName());
    private static final int MAX_ERROR_TEXT = 300;

    private final URI base;
    private final HttpClient http;
    private final RetryPolicy retry;

    /**
     * @param base the server, e.g. {@code https://eligibility.example:8443/}
     * @param tls  a context with this kiosk's key and certificate and the server's CA as trust
     */
    public RemoteEligibilityService(URI base, SSLContext tls, RetryPolicy retry) {
        this.base = Objects.requireNonNull(base, "base");
        if (!"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("the eligibility server URL must be https://, was " + base);
        }
        this.retry = Objects.requireNonNull(retry, "retry");
        this.http = HttpClient.newBuilder()
                .sslContext(Objects.requireNonNull(tls, "tls"))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(retry.requestTimeout())
                .build();
    }

    @Override
    public Challenge issueChallenge() {
        return call("/v1/challenge", new byte[0], WireFormat::readChallenge, null);
    }

    @Override
    public LinkOutcome link(LinkRequest request) {
        return call("/v1/link", WireFormat.linkRequest(request), WireFormat::readLinkOutcome,
                LinkOutcome.InvalidRequest::new);
    }

    @Override
    public RegistrationStatus checkRegistration(RegistrationQuery query) {
        return call("/v1/registration", WireFormat.registrationQuery(query), WireFormat::readRegistrationStatus,
                RegistrationStatus.InvalidRequest::new);
    }

    @Override
    public ConsentChangeOutcome changeConsents(ConsentChange change) {
        return call("/v1/consents", WireFormat.consentChange(change), WireFormat::readConsentChangeOutcome,
                ConsentChangeOutcome.InvalidRequest::new);
    }

    /**
     * @param refused the outcome for a request the server refused (HTTP 4xx): an answer, not an outage, so it is
     *                neither retried nor counted as the service being down; null where no outcome can say it
     */
    private <T> T call(String path, byte[] body, Function<byte[], T> reader, Function<String, T> refused) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(retry.requestTimeout())
                .header("Content-Type", WireFormat.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String lastProblem = "no try was made";
        boolean mayHaveArrived = false;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            if (attempt > 1) {
                pause(retry.backoffAfter(attempt - 1));
            }
            try {
                // The request timeout covers only the headers; a server stalling in the middle of the body must not
                // hold the kiosk's effect thread, so the whole exchange gets one deadline.
                CompletableFuture<HttpResponse<byte[]>> exchange =
                        http.sendAsync(request, BoundedBody.handler(WireFormat.MAX_ANSWER_BYTES));
                HttpResponse<byte[]> response;
                try {
                    response = exchange.get(retry.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    exchange.cancel(true);
                    throw new IOException("no complete answer within " + retry.requestTimeout().toMillis() + " ms", e);
                } catch (ExecutionException e) {
                    Optional<BoundedBody.TooLarge> tooLarge = tooLarge(e.getCause());
                    if (tooLarge.isPresent()) {
                        // Not retried: a server that answers this way is not speaking the protocol. It answered
                        // 200, though: what was asked may have been done.
                        throw new EligibilityUnavailableException("Protocol error: the eligibility server at " + base
                                + " answered " + path + " with an oversized body: " + tooLarge.get().getMessage(),
                                tooLarge.get(), true);
                    }
                    throw e.getCause() instanceof IOException io ? io
                            : new IOException(String.valueOf(e.getCause()), e.getCause());
                }
                byte[] answer = response.body();
                int status = response.statusCode();
                if (status == 200) {
                    try {
                        return reader.apply(answer);
                    } catch (MalformedMessageException e) {
                        throw new EligibilityUnavailableException("The eligibility server's answer to " + path
                                + " is malformed: " + e.getMessage(), e, true);
                    }
                }
                String text = errorText(answer);
                if (status >= 500) {
                    lastProblem = "HTTP " + status + ": " + text;
                    mayHaveArrived |= status == BAD_GATEWAY || status == GATEWAY_TIMEOUT;
                } else if (refused != null) {
                    LOG.warning("The eligibility server refused " + path + " (HTTP " + status + "): " + text);
                    return refused.apply(LinkOutcome.InvalidRequest.REFUSED_BY_SERVER);
                } else {
                    throw new EligibilityUnavailableException("The eligibility server refused " + path + " (HTTP "
                            + status + "): " + text, null, mayHaveArrived);
                }
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                mayHaveArrived |= !neverDelivered(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EligibilityUnavailableException("Interrupted while calling the eligibility server", e);
            }
            LOG.fine("Eligibility server try " + attempt + "/" + retry.attempts() + " on " + path + " failed: "
                    + lastProblem);
        }
        throw new EligibilityUnavailableException("The eligibility server at " + base + " did not answer " + path
                + " after " + retry.attempts() + " tries; last: " + lastProblem
                + (mayHaveArrived ? " (a try may have reached it)" : ""), null, mayHaveArrived);
    }

    /**
     * The failure happened before the request could reach the server: no connection, or no TLS session. Anything
     * later (a timeout, a dropped connection) may have come after the server acted on it. (Of the HTTP errors, the
     * eligibility server's own 500 and 503 come only after its transaction rolled back; a proxy's 502 or 504 may
     * hide a server that acted, and is counted where the status is read.)
     */
    private static boolean neverDelivered(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<BoundedBody.TooLarge> tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    private static String errorText(byte[] answer) {
        String text = new String(answer, 0, Math.min(answer.length, MAX_ERROR_TEXT), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(no text)" : text;
    }

    private static void pause(Duration backoff) {
        long millis = backoff.toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EligibilityUnavailableException("Interrupted while waiting to retry the eligibility server", e);
        }
    }
}
