package jp.mynakiosk.insurance.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently the kiosk's client tries one request: at most {@code attempts} tries, pausing
 * {@code firstBackoff}, then twice that, ..., never more than {@code maxBackoff} (each pause randomly between half
 * and all of it, so a fleet does not retry in step). {@code requestTimeout} bounds each try.
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff, Duration requestTimeout) {
    public RetryPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("attempts must be 1 to 20, was " + attempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must be 0 <= firstBackoff <= maxBackoff");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }

    /** The pause before try {@code attempt + 1}, before jitter. */
    Duration backoffAfter(int attempt) {
        Duration d = firstBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
