package jp.mynakiosk.flow;

import java.util.Set;
import java.util.TreeSet;

/**
 * Devices or services the kiosk needs have failed; it comes back only when every one of them has recovered.
 * {@code devices} holds technical names ("card-reader", "eligibility-service"), never shown to a user.
 */
public record OutOfService(Set<String> devices) implements SessionState {

    public OutOfService {
        devices = Set.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("out of service needs at least one failed device");
        }
    }

    public OutOfService(String device) {
        this(Set.of(device));
    }

    /** Another device failed while out of service; null when it is already known. */
    OutOfService alsoFailed(String device) {
        if (devices.contains(device)) {
            return null;
        }
        Set<String> more = new TreeSet<>(devices);
        more.add(device);
        return new OutOfService(more);
    }

    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.DevicesRecovered recovered && devices.contains(recovered.device())) {
            Set<String> still = new TreeSet<>(devices);
            still.remove(recovered.device());
            return still.isEmpty() ? Transition.to(new Attract()) : Transition.to(new OutOfService(still));
        }
        return Transition.ignore(this);
    }

    @Override
    public boolean holdsCard() {
        return false;
    }

    @Override
    public Waiting waiting() {
        return Waiting.NOTHING;
    }
}
