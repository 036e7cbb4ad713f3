package jp.mynakiosk.sim.vpcd;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.mynakiosk.sim.card.VirtualMynaCard;
import jp.mynakiosk.sim.card.VirtualSlot;

/**
 * Mirrors a simulator slot into a vpcd reader: a card inserted in the slot is connected to vpcd (and so
 * appears in the PC/SC reader), a card removed from the slot is disconnected. When the reader side drops
 * the connection while the slot still holds the card (pcscd restarted), the bridge connects again every
 * {@link #RETRY} until it succeeds, as a card left in a reader is seen again by a restarted pcscd. The
 * simulator's control panel and scenarios so drive a real PC/SC stack exactly as the in-process provider.
 */
public final class VpcdSlotBridge implements AutoCloseable {
    static final Duration RETRY = Duration.ofMillis(250);
    private static final System.Logger LOG = System.getLogger(VpcdSlotBridge.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final VirtualSlot slot;
    private final String host;
    private final int port;
    private final Runnable listener = this::follow;
    private final ScheduledExecutorService retries;
    private VirtualMynaCard served;
    private VpcdConnection connection;
    private String lastError;
    private boolean closed;

    private VpcdSlotBridge(VirtualSlot slot, String host, int port) {
        this.slot = slot;
        this.host = host;
        this.port = port;
        this.retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vpcd-bridge " + host + ":" + port);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts mirroring {@code slot} into the vpcd reader on {@code host:port}; a card already there goes in now. */
    public static VpcdSlotBridge attach(VirtualSlot slot, String host, int port) {
        VpcdSlotBridge bridge = new VpcdSlotBridge(Objects.requireNonNull(slot, "slot"), host, port);
        slot.addChangeListener(bridge.listener);
        bridge.follow();
        return bridge;
    }

    /** Why the last connection to vpcd failed (pcscd down, vpcd not installed); empty after a success. */
    public synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** True while the slot's card is connected to vpcd. */
    public synchronized boolean serving() {
        return connection != null && connection.isInserted();
    }

    private synchronized void follow() {
        if (closed) {
            return;
        }
        VirtualMynaCard now = slot.card().orElse(null);
        if (now == served && (now == null || serving())) {
            return;
        }
        disconnect();
        if (now == null) {
            return;
        }
        try {
            connection = VpcdConnection.insert(host, port, VpcdCard.of(now), CONNECT_TIMEOUT, this::lost);
            served = now;
            lastError = null;
        } catch (IOException e) {
            // warn once; the retries every RETRY while pcscd is away are not news
            System.Logger.Level level = lastError == null ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
            lastError = e.getMessage();
            LOG.log(level, "the virtual card could not be put in the vpcd reader: {0}", e.getMessage());
            retryLater();
        }
    }

    /**
     * The reader side ended the connection: try again while the card is still in the slot. Runs on the
     * connection's thread, which close() may be joining: so it takes no lock, it only schedules.
     */
    private void lost() {
        retryLater();
    }

    private void retryLater() {
        try {
            retries.schedule(this::follow, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "bridge closed; no retry");
        }
    }

    private void disconnect() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        served = null;
    }

    /** Stops mirroring and takes the card out of the vpcd reader (the simulator slot keeps it). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            slot.removeChangeListener(listener);
            disconnect();
        }
        retries.shutdownNow();
        try {
            retries.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "VpcdSlotBridge[" + slot.readerName() + " -> " + host + ":" + port + "]";
    }
}
