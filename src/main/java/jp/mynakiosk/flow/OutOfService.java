package jp.mynakiosk.flow;

/** A device the kiosk needs has failed; it comes back when the devices recover. */
public record OutOfService(String device) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.DevicesRecovered) {
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
