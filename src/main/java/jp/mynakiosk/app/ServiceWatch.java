package jp.mynakiosk.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.SessionController;
import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.flow.SessionObserver;
import jp.mynakiosk.flow.SessionState;

/**
 * Keeps the kiosk out of service while the eligibility system is down. After {@code failuresAllowed}
 * sessions in a row could not reach it, the kiosk goes out of service as soon as the current user has gone
 * (never in the middle of a session: their card must come back first), then asks the service every
 * {@code probeInterval} and comes back by itself once it answers.
 */
final class ServiceWatch implements SessionObserver, AutoCloseable {

    static final String DEVICE = "eligibility-service";

    private final Runnable ask;
    private final int failuresAllowed;
    private final Duration probeInterval;
    private final SessionJournal journal;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kiosk-service-watch");
        thread.setDaemon(true);
        return thread;
    });
    private SessionController controller;
    private int failuresInARow;
    private boolean down;
    private boolean reported;
    private ScheduledFuture<?> probe;

    /**
     * @param ask a cheap request to the service (e.g. issuing a challenge) that throws while it does not answer
     */
    ServiceWatch(Runnable ask, int failuresAllowed, Duration probeInterval, SessionJournal journal) {
        this.ask = ask;
        this.failuresAllowed = failuresAllowed;
        this.probeInterval = probeInterval;
        this.journal = journal;
    }

    void attach(SessionController sessions) {
        this.controller = sessions;
        sessions.addObserver(this);
    }

    /** The service answered a request (whatever it said). */
    synchronized void answered() {
        failuresInARow = 0;
    }

    /** A session gave up reaching the service after its retries. */
    synchronized void unreachable() {
        failuresInARow++;
        if (!down && failuresInARow >= failuresAllowed) {
            down = true;
            journal.note("device", DEVICE + ":unreachable-" + failuresInARow, 0);
            probe = prober.scheduleWithFixedDelay(this::probe, probeInterval.toMillis(), probeInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    synchronized boolean down() {
        return down;
    }

    @Override
    public void transitioned(SessionState from, SessionEvent event, SessionState to) {
        boolean report;
        synchronized (this) {
            report = down && !reported && to instanceof Attract;
            reported |= report;
        }
        if (report) {
            controller.submit(new SessionEvent.DeviceFault(DEVICE));
        }
    }

    private void probe() {
        try {
            ask.run();
        } catch (RuntimeException stillDown) {
            return;
        }
        boolean wasReported;
        synchronized (this) {
            wasReported = reported;
            down = false;
            reported = false;
            failuresInARow = 0;
            if (probe != null) {
                probe.cancel(false);
                probe = null;
            }
        }
        journal.note("device", DEVICE + ":answering", 0);
        if (wasReported) {
            controller.submit(new SessionEvent.DevicesRecovered(DEVICE));
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
