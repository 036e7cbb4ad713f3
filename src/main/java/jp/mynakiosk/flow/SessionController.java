package jp.mynakiosk.flow;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs one kiosk's sessions. Events from any thread are queued to the session thread, which applies the
 * {@link SessionMachine}, tells the observers, arms the idle timer, and hands effects to the effect thread.
 * Effect results come back as events; results of a session that has since been cleared are dropped, so a
 * late answer can never reach the next user's session.
 */
public final class SessionController implements AutoCloseable {

    private final SessionMachine machine;
    private final EffectRunner runner;
    private final Timeouts timeouts;
    private final List<SessionObserver> observers = new CopyOnWriteArrayList<>();
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor(named("session"));
    private final ExecutorService effectThread = Executors.newSingleThreadExecutor(named("session-effects"));
    private final ScheduledExecutorService timerThread = Executors.newSingleThreadScheduledExecutor(named("session-timer"));

    // Confined to the session thread.
    private SessionState state = new Attract();
    /** Written on the session thread, read by long effects on the effect thread. */
    private volatile long sessionEpoch;
    /**
     * Counts the ends of sessions for the user: the card released (cancel, timeout, a failure) or the session
     * cleared. A long effect stops once it changes; results are still dropped only when the session is cleared.
     */
    private volatile long sessionEnds;
    private long timerGeneration;
    private ScheduledFuture<?> timer;
    private volatile SessionState published = state;

    public SessionController(SessionMachine machine, EffectRunner runner, Timeouts timeouts) {
        this.machine = Objects.requireNonNull(machine);
        this.runner = Objects.requireNonNull(runner);
        this.timeouts = Objects.requireNonNull(timeouts);
    }

    public void addObserver(SessionObserver observer) {
        observers.add(observer);
    }

    /** The latest state snapshot; safe from any thread. */
    public SessionState current() {
        return published;
    }

    /** Queues an event from a screen or a device. */
    public void submit(SessionEvent event) {
        execute(() -> apply(event));
    }

    /** The user touched or typed something: the idle timer starts again without changing state. */
    public void userActive() {
        execute(() -> armTimer(state));
    }

    private void execute(Runnable task) {
        if (!sessionThread.isShutdown()) {
            try {
                sessionThread.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // The kiosk is shutting down; nothing more to do.
            }
        }
    }

    private void apply(SessionEvent event) {
        Transition transition = machine.next(state, event);
        if (transition.ignored()) {
            if (event instanceof SessionEvent.PinSubmitted pin) {
                pin.wipe();
            }
            return;
        }
        SessionState from = state;
        state = transition.next();
        published = state;
        for (SessionObserver observer : observers) {
            try {
                observer.transitioned(from, event, state);
            } catch (RuntimeException broken) {
                // An observer (screen, journal, transcript) must never keep the session from its timers and effects.
            }
        }
        armTimer(state);
        for (Effect effect : transition.effects()) {
            dispatch(effect);
        }
    }

    private void dispatch(Effect effect) {
        long epoch = sessionEpoch;
        long ends = sessionEnds;
        if (effect instanceof Effect.ClearSession) {
            sessionEpoch++;
        }
        if (effect instanceof Effect.ClearSession || effect instanceof Effect.ReleaseCard) {
            sessionEnds++;
        }
        EffectResults results = new EffectResults() {
            @Override
            public void accept(SessionEvent result) {
                execute(() -> {
                    if (epoch == sessionEpoch) {
                        apply(result);
                    }
                });
            }

            @Override
            public boolean sessionGoesOn() {
                return ends == sessionEnds;
            }
        };
        try {
            effectThread.execute(() -> runner.run(effect, results));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            if (effect instanceof Effect.VerifyPin pin) {
                pin.wipe();
            }
        }
    }

    private void armTimer(SessionState current) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        java.time.Duration wait = timeouts.of(current.waiting());
        if (wait == null || timerThread.isShutdown()) {
            return;
        }
        long generation = ++timerGeneration;
        timer = timerThread.schedule(() -> execute(() -> {
            if (generation == timerGeneration) {
                apply(new SessionEvent.IdleTimedOut());
            }
        }), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timerThread.shutdownNow();
        sessionThread.shutdown();
        effectThread.shutdown();
        try {
            sessionThread.awaitTermination(2, TimeUnit.SECONDS);
            effectThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sessionThread.shutdownNow();
        effectThread.shutdownNow();
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, "kiosk-" + name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
