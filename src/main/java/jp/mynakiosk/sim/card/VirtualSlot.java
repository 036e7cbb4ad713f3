package jp.mynakiosk.sim.card;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The slot of one virtual card reader, where the simulator inserts and removes virtual cards at run time.
 * Every insertion and removal starts a new generation, so a connection to a card that was pulled out (even
 * if another card went in since) fails instead of talking to the wrong card.
 */
public final class VirtualSlot {
    private final String readerName;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private VirtualMynaCard card;
    private long generation;

    public VirtualSlot(String readerName) {
        this.readerName = Objects.requireNonNull(readerName, "readerName");
    }

    public String readerName() {
        return readerName;
    }

    /** Puts a card in the slot and powers it up (nothing selected, no PIN verified). */
    public void insert(VirtualMynaCard newCard) {
        Objects.requireNonNull(newCard, "newCard");
        lock.lock();
        try {
            if (card != null) {
                throw new IllegalStateException(readerName + " already holds a card; remove it first");
            }
            newCard.reset();
            card = newCard;
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        listeners.forEach(Runnable::run);
    }

    /** Takes the card out, if there is one. */
    public Optional<VirtualMynaCard> remove() {
        VirtualMynaCard removed;
        lock.lock();
        try {
            removed = card;
            if (removed == null) {
                return Optional.empty();
            }
            card = null;
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        listeners.forEach(Runnable::run);
        return Optional.of(removed);
    }

    public boolean isCardPresent() {
        lock.lock();
        try {
            return card != null;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a card is present (or absent); {@code timeoutMillis} 0 waits without limit. */
    boolean awaitPresence(boolean present, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while ((card != null) != present) {
                if (timeoutMillis == 0) {
                    changed.await();
                } else {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = changed.awaitNanos(nanos);
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The card in the slot now, with its generation; empty when the slot is empty. */
    Optional<Insertion> current() {
        lock.lock();
        try {
            return card == null ? Optional.empty() : Optional.of(new Insertion(card, generation));
        } finally {
            lock.unlock();
        }
    }

    /** True while the card of that insertion has not been removed. */
    boolean stillInserted(long insertionGeneration) {
        lock.lock();
        try {
            return card != null && generation == insertionGeneration;
        } finally {
            lock.unlock();
        }
    }

    /** The card in the slot now, if any. */
    public Optional<VirtualMynaCard> card() {
        return current().map(Insertion::card);
    }

    /** Called (on the inserting or removing thread) after every insertion and removal. */
    public void addChangeListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeChangeListener(Runnable listener) {
        listeners.remove(listener);
    }

    record Insertion(VirtualMynaCard card, long generation) {
    }

    @Override
    public String toString() {
        return "VirtualSlot[" + readerName + "]";
    }
}
