package jp.mynakiosk.insurance.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory, but never more than {@code maxBytes}: an answer (HTTP 200) that declares or
 * turns out to be larger fails with {@link TooLarge} as soon as that is known; an error page (any other status), as
 * a proxy may send, is cut at {@code maxBytes}, since only its first words are shown. Either way the rest is not read
 * (the client then drops the connection): a server that is not the eligibility server, or a broken one, cannot fill
 * the kiosk's memory.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The answer is larger than the cap: a protocol error of the server, not a network failure. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final int maxBytes;
    private final boolean cutRatherThanRefuse;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(int maxBytes, boolean cutRatherThanRefuse) {
        this.maxBytes = maxBytes;
        this.cutRatherThanRefuse = cutRatherThanRefuse;
    }

    static HttpResponse.BodyHandler<byte[]> handler(int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, was " + maxBytes);
        }
        return info -> {
            boolean errorPage = info.statusCode() != 200;
            BoundedBody subscriber = new BoundedBody(maxBytes, errorPage);
            OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
            if (!errorPage && declared.isPresent() && declared.getAsLong() > maxBytes) {
                subscriber.refuse("declares " + declared.getAsLong() + " bytes");
            }
            return subscriber;
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (body.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if ((long) received.size() + buffer.remaining() > maxBytes) {
                if (cutRatherThanRefuse) {
                    buffer.limit(buffer.position() + maxBytes - received.size());
                    received.writeBytes(remainingOf(buffer));
                    body.complete(received.toByteArray());
                } else {
                    refuse("has more than " + maxBytes + " bytes");
                }
                subscription.cancel();
                return;
            }
            received.writeBytes(remainingOf(buffer));
        }
    }

    @Override
    public void onError(Throwable failure) {
        // After a cut the cancelled exchange may still report an error: the body is already complete.
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(received.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    private static byte[] remainingOf(ByteBuffer buffer) {
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        return chunk;
    }

    private void refuse(String what) {
        body.completeExceptionally(new TooLarge("the answer " + what + ", more than the " + maxBytes
                + " bytes any answer of this protocol has"));
    }
}
