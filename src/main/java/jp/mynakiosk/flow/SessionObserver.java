package jp.mynakiosk.flow;

/** Sees every transition the controller makes, for the screens, the journal and the QA transcript. */
public interface SessionObserver {
    /** Called on the controller thread after {@code event} moved the session from {@code from} to {@code to}. */
    void transitioned(SessionState from, SessionEvent event, SessionState to);
}
