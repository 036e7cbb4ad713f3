package jp.mynakiosk.device.smartcardio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import jp.mynakiosk.device.CardReaderListener;
import jp.mynakiosk.device.DeviceStatus;
import jp.mynakiosk.device.MediaState;
import jp.mynakiosk.myna.JpkiApplication;
import jp.mynakiosk.sim.card.SimCardFixture;
import jp.mynakiosk.sim.card.SimulatorCa;
import jp.mynakiosk.sim.card.VirtualCardFile;
import jp.mynakiosk.sim.card.VirtualSlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmartcardioCardReaderTest {
    @TempDir
    static Path dir;
    static SimulatorCa ca;
    static VirtualCardFile foreign;

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final CardReaderListener listener = new CardReaderListener() {
        @Override
        public void mediaInserted() {
            events.add("inserted");
        }

        @Override
        public void mediaRemoved() {
            events.add("removed");
        }

        @Override
        public void statusChanged(DeviceStatus status) {
            events.add(status.name());
        }
    };

    @BeforeAll
    static void load() {
        ca = SimCardFixture.sharedCa();
        foreign = SimCardFixture.foreignCard(dir, "SIM-T008");
    }

    @Test
    void insertionAndRemovalBecomeEvents() throws Exception {
        VirtualSlot slot = new VirtualSlot("reader");
        try (SmartcardioCardReader reader = new SmartcardioCardReader(SimCardFixture.terminal(slot),
                Duration.ofMillis(50))) {
            reader.start(listener);
            assertThat(next()).isEqualTo("ONLINE");
            slot.insert(SimCardFixture.card(foreign, ca));
            assertThat(next()).isEqualTo("inserted");
            assertThat(reader.media()).isEqualTo(MediaState.PRESENT);

            CardChannel channel = reader.connect();
            assertThat(channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JpkiApplication.aid())).getSW())
                    .isEqualTo(0x6A82);
            assertThat(reader.connect()).isSameAs(channel);

            slot.remove();
            assertThat(next()).isEqualTo("removed");
            assertThat(reader.media()).isEqualTo(MediaState.NOT_PRESENT);
            assertThatThrownBy(() -> channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C,
                    JpkiApplication.aid()))).isInstanceOf(CardException.class);
            assertThat(events.poll(150, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void closeStopsTheMonitorPromptly() throws Exception {
        VirtualSlot slot = new VirtualSlot("closing");
        SmartcardioCardReader reader = new SmartcardioCardReader(SimCardFixture.terminal(slot));
        reader.start(listener);
        assertThat(next()).isEqualTo("ONLINE");
        long start = System.nanoTime();
        reader.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("card-reader closing"));
        assertThat(reader.status()).isEqualTo(DeviceStatus.OFFLINE);
        assertThatThrownBy(() -> reader.start(listener)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailingTerminalIsAHardwareErrorUntilItRecovers() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        CardTerminal flaky = new FlakyTerminal(broken);
        try (SmartcardioCardReader reader = new SmartcardioCardReader(flaky, Duration.ofMillis(50))) {
            reader.start(listener);
            assertThat(next()).isEqualTo("HARDWARE_ERROR");
            assertThat(reader.status()).isEqualTo(DeviceStatus.HARDWARE_ERROR);
            broken.set(false);
            assertThat(next()).isEqualTo("ONLINE");
        }
    }

    @Test
    void aVanishedPcscReaderIsNoDevice() throws Exception {
        CardTerminal gone = new FlakyTerminal(new AtomicBoolean(true), "SCARD_E_NO_READERS_AVAILABLE");
        try (SmartcardioCardReader reader = new SmartcardioCardReader(gone, Duration.ofMillis(50))) {
            reader.start(listener);
            assertThat(next()).isEqualTo("NO_DEVICE");
        }
    }

    private String next() throws InterruptedException {
        String event = events.poll(2, TimeUnit.SECONDS);
        assertThat(event).as("an event within 2 s").isNotNull();
        return event;
    }

    /** A terminal whose every call fails while {@code broken} is set, like a PC/SC reader being unplugged. */
    private static final class FlakyTerminal extends CardTerminal {
        private final AtomicBoolean broken;
        private final String error;

        FlakyTerminal(AtomicBoolean broken) {
            this(broken, "SCARD_E_COMM_DATA_LOST");
        }

        FlakyTerminal(AtomicBoolean broken, String error) {
            this.broken = broken;
            this.error = error;
        }

        @Override
        public String getName() {
            return "flaky";
        }

        @Override
        public Card connect(String protocol) throws CardException {
            throw new CardException(error);
        }

        @Override
        public boolean isCardPresent() throws CardException {
            if (broken.get()) {
                throw new CardException(error);
            }
            return false;
        }

        @Override
        public boolean waitForCardPresent(long timeout) throws CardException {
            isCardPresent();
            try {
                Thread.sleep(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CardException("interrupted", e);
            }
            return false;
        }

        @Override
        public boolean waitForCardAbsent(long timeout) throws CardException {
            return !isCardPresent();
        }
    }
}
