package jp.mynakiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.FacePolicy;
import jp.mynakiosk.flow.FlowSettings;
import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.Menu;
import jp.mynakiosk.flow.OutOfService;
import jp.mynakiosk.flow.SessionController;
import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.flow.SessionMachine;
import jp.mynakiosk.flow.Timeouts;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.H2FileDatabase;
import jp.mynakiosk.store.H2Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceWatchTest {

    @TempDir
    Path dir;

    @Test
    void repeatedlyUnreachableServiceTakesTheKioskOutOfServiceBetweenSessionsAndBackWhenItAnswers() throws Exception {
        AtomicBoolean serviceUp = new AtomicBoolean(false);
        try (H2FileDatabase db = Databases.openH2File(dir.resolve("kiosk"), Databases.KIOSK_MIGRATIONS);
                SessionController controller = new SessionController(
                        new SessionMachine(new FlowSettings(3, FacePolicy.PIN_ONLY)), (effect, results) -> { },
                        new Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5)));
                ServiceWatch watch = new ServiceWatch(() -> {
                    if (!serviceUp.get()) {
                        throw new IllegalStateException("no answer");
                    }
                }, 2, Duration.ofMillis(100), new SessionJournal(new H2Journal(db.dataSource()), Clock.systemUTC()))) {
            watch.attach(controller);
            controller.submit(new SessionEvent.Touched());
            await(() -> controller.current() instanceof Menu);

            watch.unreachable();
            assertThat(watch.down()).isFalse();
            watch.answered();
            watch.unreachable();
            assertThat(watch.down()).as("an answer in between resets the count").isFalse();
            watch.unreachable();
            assertThat(watch.down()).isTrue();
            Thread.sleep(300);
            assertThat(controller.current()).as("never in the middle of a session").isInstanceOf(Menu.class);

            controller.submit(new SessionEvent.Cancelled());
            await(() -> controller.current() instanceof OutOfService);
            assertThat(controller.current()).isEqualTo(new OutOfService(ServiceWatch.DEVICE));
            controller.submit(new SessionEvent.JourneyChosen(Journey.REGISTER_INSURANCE_USE));
            controller.submit(new SessionEvent.Touched());
            Thread.sleep(300);
            assertThat(controller.current()).as("still out of service while the service is down")
                    .isInstanceOf(OutOfService.class);

            serviceUp.set(true);
            await(() -> controller.current() instanceof Attract);
            assertThat(watch.down()).isFalse();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
