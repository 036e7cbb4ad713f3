package jp.mynakiosk.flow;

/**
 * The 4-digit user-authentication PIN. {@code afterWrongPin} says the last attempt was wrong, so the screen
 * says so; with one try left the screen warns that the next mistake locks the card.
 */
public record EnterPin(Journey journey, int triesLeft, boolean afterWrongPin) implements SessionState {

    public static final int PIN_LENGTH = 4;

    public boolean lastTry() {
        return triesLeft == 1;
    }

    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.PinSubmitted pin && pin.digits().length == PIN_LENGTH) {
            return Transition.to(new VerifyingPin(journey, triesLeft), new Effect.VerifyPin(pin.digits()));
        }
        return whileWaitingForUser(event);
    }

    @Override
    public boolean holdsCard() {
        return true;
    }

    @Override
    public Waiting waiting() {
        return Waiting.USER;
    }
}
