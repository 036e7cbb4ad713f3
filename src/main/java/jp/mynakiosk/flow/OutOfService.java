package jp.mynakiosk.flow;

/** A device or service the kiosk needs has failed; it comes back when that one recovers. */
public record OutOfService(String device) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.DevicesRecovered recovered && recovered.device().equals(device)) {
            return Transition.to(new Attract());
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
