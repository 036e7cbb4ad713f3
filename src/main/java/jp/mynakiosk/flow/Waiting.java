package jp.mynakiosk.flow;

/** Which timer the controller runs while a state is shown. */
public enum Waiting {
    /** Busy with a device or the service, or idle by nature (attract, out of service): no timer. */
    NOTHING,
    /** Waiting for the user: after the idle time, ask "are you still there?". */
    USER,
    /** The "are you still there?" prompt itself: when it runs out, the session ends. */
    PROMPT,
    /** Waiting for the card to be taken: when it runs out, escalate. */
    CARD_TAKEN
}
