package jp.mynakiosk.flow;

/** What happens after the last failed face check (set in the kiosk profile). */
public enum FacePolicy {
    /** The PIN was verified already: continue without the face. */
    PIN_ONLY,
    /** End the session and call a store attendant. */
    CALL_ATTENDANT,
    /** End the session. */
    ABORT
}
