package jp.mynakiosk.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.Done;
import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.flow.SessionObserver;
import jp.mynakiosk.flow.SessionState;
import jp.mynakiosk.flow.TakeCard;
import jp.mynakiosk.store.Journal;
import jp.mynakiosk.store.JournalEntry;

/**
 * Writes what happened in each session to the journal: which states it went through, after which event,
 * how long each took, and how it ended. Only class names and outcome codes are written, never the data a
 * state carries, so the journal explains a session without identifying its user.
 */
final class SessionJournal implements SessionObserver {

    private final Journal journal;
    private final Clock clock;
    private volatile String sessionId;
    private Instant entered;

    SessionJournal(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
        this.entered = clock.instant();
    }

    /** The current session's random id, or null between sessions. */
    String sessionId() {
        return sessionId;
    }

    @Override
    public void transitioned(SessionState from, SessionEvent event, SessionState to) {
        Instant now = clock.instant();
        long millis = Duration.between(entered, now).toMillis();
        entered = now;
        if (from instanceof Attract && !(to instanceof Attract)) {
            sessionId = UUID.randomUUID().toString();
        }
        String code = from.getClass().getSimpleName() + ":" + event.getClass().getSimpleName()
                + ":" + to.getClass().getSimpleName();
        if (to instanceof TakeCard take) {
            code += ":" + take.reason();
        } else if (to instanceof Done done) {
            code += ":" + done.result();
        }
        journal.record(new JournalEntry(now, sessionId, "state", code, millis));
        if (to instanceof Attract) {
            sessionId = null;
        }
    }

    /** A technical event outside the state changes: a device fault, an attendant call, a linking retry. */
    void note(String kind, String code, long millis) {
        journal.record(new JournalEntry(clock.instant(), sessionId, kind, code, millis));
    }
}
