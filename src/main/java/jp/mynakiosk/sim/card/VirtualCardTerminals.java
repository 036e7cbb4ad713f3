package jp.mynakiosk.sim.card;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/** The virtual readers of one terminal factory, with change detection across all their slots. */
final class VirtualCardTerminals extends CardTerminals {
    private final List<VirtualCardTerminal> terminals;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Presence per terminal as seen by the latest waitForChange(), and as seen by the one before. */
    private boolean[] seen;
    private boolean[] seenBefore;

    VirtualCardTerminals(List<VirtualSlot> slots) {
        this.terminals = slots.stream().map(VirtualCardTerminal::new).toList();
        this.seen = new boolean[terminals.size()];
        this.seenBefore = new boolean[terminals.size()];
        for (VirtualSlot slot : slots) {
            slot.addChangeListener(this::signalChange);
        }
    }

    @Override
    public List<CardTerminal> list(State state) throws CardException {
        List<CardTerminal> result = new ArrayList<>();
        lock.lock();
        try {
            for (int i = 0; i < terminals.size(); i++) {
                VirtualCardTerminal terminal = terminals.get(i);
                boolean include = switch (state) {
                    case ALL -> true;
                    case CARD_PRESENT -> terminal.isCardPresent();
                    case CARD_ABSENT -> !terminal.isCardPresent();
                    case CARD_INSERTION -> seen[i] && !seenBefore[i];
                    case CARD_REMOVAL -> !seen[i] && seenBefore[i];
                };
                if (include) {
                    result.add(terminal);
                }
            }
        } finally {
            lock.unlock();
        }
        return List.copyOf(result);
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeout);
            boolean[] now = presence();
            while (java.util.Arrays.equals(now, seen)) {
                if (timeout == 0) {
                    changed.await();
                } else {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = changed.awaitNanos(nanos);
                }
                now = presence();
            }
            seenBefore = seen;
            seen = now;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("interrupted while waiting for a card change", e);
        } finally {
            lock.unlock();
        }
    }

    private boolean[] presence() {
        boolean[] now = new boolean[terminals.size()];
        for (int i = 0; i < now.length; i++) {
            now[i] = terminals.get(i).isCardPresent();
        }
        return now;
    }

    private void signalChange() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
