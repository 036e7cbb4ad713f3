package jp.mynakiosk.device.smartcardio;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jp.mynakiosk.device.CardReader;
import jp.mynakiosk.device.CardReaderListener;
import jp.mynakiosk.device.DeviceStatus;
import jp.mynakiosk.device.MediaState;

/**
 * A card reader on one {@code javax.smartcardio} terminal (a PC/SC reader or the simulator's virtual one).
 * A daemon thread watches the slot with short waits, so that {@link #close()} stops it promptly; when the
 * terminal fails it reports HARDWARE_ERROR (NO_DEVICE when the reader or the PC/SC service is gone), drops
 * the card connection, and asks its {@link TerminalSource} for the terminal again with back-off, so that a
 * reader plugged back in or a restarted pcscd is picked up.
 */
public final class SmartcardioCardReader implements CardReader {
    private static final System.Logger LOG = System.getLogger(SmartcardioCardReader.class.getName());
    public static final Duration DEFAULT_POLL = Duration.ofMillis(250);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final TerminalSource source;
    private final long pollMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private volatile DeviceStatus status = DeviceStatus.OFFLINE;
    private volatile MediaState media = MediaState.NOT_PRESENT;
    private Thread monitor;
    private boolean closed;
    /** The terminal in use; null until resolved and after it failed. */
    private CardTerminal terminal;
    private Card card;
    /**
     * The connection to a card that left the slot: kept open (so that a session still using it gets a
     * CardException, not an IllegalStateException) until the next connect() or disconnect().
     */
    private Card leftBehind;

    public SmartcardioCardReader(CardTerminal terminal) {
        this(terminal, DEFAULT_POLL);
    }

    /** {@code poll} bounds each wait on the terminal and therefore how long close() can take. */
    public SmartcardioCardReader(CardTerminal terminal, Duration poll) {
        this(TerminalSource.fixed(terminal), poll);
    }

    /** A reader that finds its terminal through {@code source}, again after every failure. */
    public SmartcardioCardReader(TerminalSource source, Duration poll) {
        this.source = Objects.requireNonNull(source, "source");
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("poll must be positive: " + poll);
        }
        this.pollMillis = poll.toMillis();
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    @Override
    public MediaState media() {
        return media;
    }

    @Override
    public void start(CardReaderListener listener) {
        Objects.requireNonNull(listener, "listener");
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the card reader is closed");
            }
            if (monitor != null) {
                throw new IllegalStateException("the card reader is already started");
            }
            monitor = new Thread(() -> watch(listener), "card-reader " + source.describe());
            monitor.setDaemon(true);
            monitor.start();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CardChannel connect() throws CardException {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the card reader is closed");
            }
            if (card == null) {
                release(leftBehind);
                leftBehind = null;
                card = currentTerminal().connect("*");
            }
            return card.getBasicChannel();
        } catch (IllegalStateException e) {
            card = null;
            throw new CardException("the card connection was closed", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void disconnect() {
        Card connected;
        Card gone;
        lock.lock();
        try {
            connected = card;
            gone = leftBehind;
            card = null;
            leftBehind = null;
        } finally {
            lock.unlock();
        }
        release(connected);
        release(gone);
    }

    private void release(Card connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.disconnect(true);
        } catch (CardException | IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "disconnect from {0} failed: {1}", source.describe(),
                    e.getMessage());
        }
    }

    private void forgetRemovedCard() {
        lock.lock();
        try {
            if (card != null) {
                release(leftBehind);
                leftBehind = card;
                card = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        Thread toJoin;
        lock.lock();
        try {
            closed = true;
            closing.signalAll();
            toJoin = monitor;
        } finally {
            lock.unlock();
        }
        disconnect();
        if (toJoin != null && toJoin != Thread.currentThread()) {
            toJoin.interrupt();
            try {
                toJoin.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        status = DeviceStatus.OFFLINE;
    }

    private void watch(CardReaderListener listener) {
        long backoff = FIRST_BACKOFF.toMillis();
        while (!isClosed()) {
            try {
                CardTerminal terminal = currentTerminal();
                boolean present = terminal.isCardPresent();
                setStatus(DeviceStatus.ONLINE, listener);
                setMedia(present, listener);
                boolean flipped = present ? terminal.waitForCardAbsent(pollMillis)
                        : terminal.waitForCardPresent(pollMillis);
                if (flipped && !isClosed()) {
                    setMedia(!present, listener);
                }
                backoff = FIRST_BACKOFF.toMillis();
            } catch (CardException | RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                // warn when the reader stops working; the retries with back-off after that are not news
                LOG.log(status.usable() ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                        "card reader {0} failed: {1}", source.describe(), e.getMessage());
                forgetTerminal();
                setMedia(false, listener);
                setStatus(readerGone(e) ? DeviceStatus.NO_DEVICE : DeviceStatus.HARDWARE_ERROR, listener);
                sleepUnlessClosed(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    /** The terminal to use now, resolved again after a failure. */
    private CardTerminal currentTerminal() throws CardException {
        lock.lock();
        try {
            if (terminal == null) {
                terminal = source.resolve();
            }
            return terminal;
        } finally {
            lock.unlock();
        }
    }

    /** After a failure: the card connection is dead and the terminal is looked up again. */
    private void forgetTerminal() {
        lock.lock();
        try {
            terminal = null;
            if (card != null) {
                release(leftBehind);
                leftBehind = card;
                card = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** PC/SC reports a vanished reader or service with these codes in the exception messages. */
    private static boolean readerGone(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage());
            if (text.contains("SCARD_E_NO_READERS_AVAILABLE") || text.contains("SCARD_E_READER_UNAVAILABLE")
                    || text.contains("SCARD_E_UNKNOWN_READER") || PcscTerminals.serviceLost(cause)) {
                return true;
            }
        }
        return false;
    }

    private void setMedia(boolean present, CardReaderListener listener) {
        MediaState next = present ? MediaState.PRESENT : MediaState.NOT_PRESENT;
        if (media == next) {
            return;
        }
        media = next;
        if (!present) {
            forgetRemovedCard();
        }
        if (present) {
            listener.mediaInserted();
        } else {
            listener.mediaRemoved();
        }
    }

    private void setStatus(DeviceStatus next, CardReaderListener listener) {
        if (status != next) {
            status = next;
            listener.statusChanged(next);
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void sleepUnlessClosed(long millis) {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!closed && nanos > 0) {
                nanos = closing.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "SmartcardioCardReader[" + source.describe() + ", " + status + ", " + media + "]";
    }
}
