package jp.mynakiosk.store;

import java.util.List;

/**
 * The kiosk's append-only journal of event kinds, timings, outcome codes and device faults. It holds nothing
 * that identifies the user (see {@link JournalEntry}).
 */
public interface Journal {
    int MAX_RECENT = 1000;

    /**
     * Appends an entry. Never throws for a storage failure: the session goes on, and the failure is logged as a
     * technical message.
     *
     * @return {@code true} when the entry was stored, {@code false} when the storage failed
     */
    boolean record(JournalEntry entry);

    /**
     * The newest entries first, at most {@code n} (1 to {@value #MAX_RECENT}).
     *
     * @throws StoreException when the journal cannot be read
     */
    List<JournalEntry> recent(int n);
}
