package jp.mynakiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionControllerTest {

    private final BlockingQueue<SessionState> states = new LinkedBlockingQueue<>();
    private final List<Effect> ran = new CopyOnWriteArrayList<>();
    private SessionController controller;

    private void start(EffectRunner runner, Timeouts timeouts) {
        controller = new SessionController(new SessionMachine(new FlowSettings(3, FacePolicy.PIN_ONLY)), runner, timeouts);
        controller.addObserver((from, event, to) -> states.add(to));
    }

    private static Timeouts slow() {
        return new Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    @AfterEach
    void close() {
        controller.close();
    }

    private SessionState next() throws InterruptedException {
        SessionState s = states.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("a state change within 5 s").isNotNull();
        return s;
    }

    @Test
    void effectResultsComeBackAsEventsAndThePinIsWipedByTheRunner() throws Exception {
        start((effect, results) -> {
            ran.add(effect);
            if (effect instanceof Effect.IdentifyCard) {
                results.accept(new SessionEvent.CardIdentified(3));
            } else if (effect instanceof Effect.VerifyPin pin) {
                pin.wipe();
                results.accept(new SessionEvent.PinRejected(2));
            }
        }, slow());
        controller.submit(new SessionEvent.Touched());
        controller.submit(new SessionEvent.JourneyChosen(Journey.REGISTER_INSURANCE_USE));
        controller.submit(new SessionEvent.TermsAgreed());
        controller.submit(new SessionEvent.CardInserted());
        assertThat(next()).isEqualTo(new Menu());
        assertThat(next()).isEqualTo(new Terms(Journey.REGISTER_INSURANCE_USE));
        assertThat(next()).isEqualTo(new InsertCard(Journey.REGISTER_INSURANCE_USE));
        assertThat(next()).isEqualTo(new ReadingCard(Journey.REGISTER_INSURANCE_USE));
        assertThat(next()).isEqualTo(new EnterPin(Journey.REGISTER_INSURANCE_USE, 3, false));
        char[] pin = "1234".toCharArray();
        controller.submit(new SessionEvent.PinSubmitted(pin));
        assertThat(next()).isEqualTo(new VerifyingPin(Journey.REGISTER_INSURANCE_USE, 3));
        assertThat(next()).isEqualTo(new EnterPin(Journey.REGISTER_INSURANCE_USE, 2, true));
        assertThat(new String(pin)).isEqualTo("\0\0\0\0");
        assertThat(controller.current()).isEqualTo(new EnterPin(Journey.REGISTER_INSURANCE_USE, 2, true));
    }

    @Test
    void aLateResultFromAClearedSessionNeverReachesTheNextOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Consumer<SessionEvent>> pending = new CopyOnWriteArrayList<>();
        start((effect, results) -> {
            if (effect instanceof Effect.IdentifyCard) {
                pending.add(results);
                release.countDown();
            }
        }, slow());
        controller.submit(new SessionEvent.Touched());
        controller.submit(new SessionEvent.JourneyChosen(Journey.REGISTER_INSURANCE_USE));
        controller.submit(new SessionEvent.TermsAgreed());
        controller.submit(new SessionEvent.CardInserted());
        assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
        controller.submit(new SessionEvent.CardRemoved());
        controller.submit(new SessionEvent.Touched());
        controller.submit(new SessionEvent.JourneyChosen(Journey.REGISTER_INSURANCE_USE));
        controller.submit(new SessionEvent.TermsAgreed());
        controller.submit(new SessionEvent.CardInserted());
        for (int i = 0; i < 9; i++) {
            next();
        }
        assertThat(controller.current()).isEqualTo(new ReadingCard(Journey.REGISTER_INSURANCE_USE));
        pending.get(0).accept(new SessionEvent.CardIdentified(3));
        Thread.sleep(200);
        assertThat(controller.current()).as("the old card's answer is dropped").isEqualTo(new ReadingCard(Journey.REGISTER_INSURANCE_USE));
        assertThat(pending).hasSize(2);
        pending.get(1).accept(new SessionEvent.CardIdentified(1));
        assertThat(next()).isEqualTo(new EnterPin(Journey.REGISTER_INSURANCE_USE, 1, false));
    }

    @Test
    void aLongEffectLearnsThatItsSessionWasClearedAndTheNextEffectsDoNotWaitForIt() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch noticed = new CountDownLatch(1);
        start((effect, results) -> {
            ran.add(effect);
            if (effect instanceof Effect.IdentifyCard) {
                runUntilTheSessionEnds(results, running, noticed);
            }
        }, slow());
        controller.submit(new SessionEvent.Touched());
        controller.submit(new SessionEvent.JourneyChosen(Journey.REGISTER_INSURANCE_USE));
        controller.submit(new SessionEvent.TermsAgreed());
        controller.submit(new SessionEvent.CardInserted());
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        controller.submit(new SessionEvent.CardRemoved());
        assertThat(noticed.await(5, TimeUnit.SECONDS)).as("the running effect saw its session end").isTrue();
        awaitRan(new Effect.ClearSession());
        assertThat(ran).as("ClearSession ran after the abandoned effect").contains(new Effect.ClearSession());
    }

    @Test
    void aFaceCheckStopsWhenTheUserCancelsWhileTheCardIsStillIn() throws Exception {
        CountDownLatch looking = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        start((effect, results) -> {
            ran.add(effect);
            if (effect instanceof Effect.IdentifyCard) {
                results.accept(new SessionEvent.CardIdentified(3));
            } else if (effect instanceof Effect.VerifyPin pin) {
                pin.wipe();
                results.accept(new SessionEvent.PinAccepted(new HolderSummary("x", LocalDate.of(1970, 1, 1)),
                        LocalDate.of(2026, 11, 25)));
            } else if (effect instanceof Effect.MatchFace) {
                runUntilTheSessionEnds(results, looking, stopped);
            }
        }, slow());
        controller.submit(new SessionEvent.Touched());
        controller.submit(new SessionEvent.JourneyChosen(Journey.REGISTER_INSURANCE_USE));
        controller.submit(new SessionEvent.TermsAgreed());
        controller.submit(new SessionEvent.CardInserted());
        while (!(next() instanceof EnterPin)) {
            // Menu, Terms, InsertCard, ReadingCard
        }
        controller.submit(new SessionEvent.PinSubmitted("1234".toCharArray()));
        assertThat(looking.await(5, TimeUnit.SECONDS)).as("the face check started").isTrue();
        controller.submit(new SessionEvent.Cancelled());

        assertThat(stopped.await(5, TimeUnit.SECONDS)).as("the face check saw the session end").isTrue();
        awaitRan(new Effect.ReleaseCard());
        assertThat(ran).as("the card was released, the session not yet cleared (the card is still in)")
                .contains(new Effect.ReleaseCard()).doesNotContain(new Effect.ClearSession());
    }

    @Test
    void idleTimerAsksThenEndsTheSession() throws Exception {
        start((effect, results) -> ran.add(effect),
                new Timeouts(Duration.ofMillis(150), Duration.ofMillis(150), Duration.ofMinutes(5)));
        controller.submit(new SessionEvent.Touched());
        assertThat(next()).isEqualTo(new Menu());
        assertThat(next()).isEqualTo(new StillThere(new Menu()));
        assertThat(next()).isEqualTo(new Attract());
        awaitRan(new Effect.ClearSession());
        assertThat(ran).as("the effect thread ran ClearSession").contains(new Effect.ClearSession());
    }

    @Test
    void userActivityPostponesTheIdlePrompt() throws Exception {
        start((effect, results) -> { }, new Timeouts(Duration.ofMillis(400), Duration.ofMinutes(5), Duration.ofMinutes(5)));
        controller.submit(new SessionEvent.Touched());
        assertThat(next()).isEqualTo(new Menu());
        for (int i = 0; i < 5; i++) {
            Thread.sleep(150);
            controller.userActive();
        }
        assertThat(states).isEmpty();
        assertThat(next()).isEqualTo(new StillThere(new Menu()));
    }

    /** A long effect: says it runs, works until its session ends (30 s at most), then says it noticed. */
    private static void runUntilTheSessionEnds(EffectResults results, CountDownLatch running, CountDownLatch noticed) {
        running.countDown();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (results.sessionGoesOn() && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        if (!results.sessionGoesOn()) {
            noticed.countDown();
        }
    }

    private void awaitRan(Effect effect) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!ran.contains(effect) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
