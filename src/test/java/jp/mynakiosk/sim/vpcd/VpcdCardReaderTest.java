package jp.mynakiosk.sim.vpcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jp.mynakiosk.device.CardReaderListener;
import jp.mynakiosk.device.DeviceStatus;
import jp.mynakiosk.device.smartcardio.PcscTerminals;
import jp.mynakiosk.myna.MynaCardSession;
import jp.mynakiosk.sim.card.SimCardFixture;
import jp.mynakiosk.sim.card.VirtualSlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's PC/SC mode ({@code sim.cardReader=vpcd}): slot events arrive through pcscd. */
class VpcdCardReaderTest {
    @TempDir
    Path dir;

    @Test
    void theSimulatorSlotIsReadThroughPcsc() throws Exception {
        PcscStack.require();
        assertThat(PcscTerminals.named(PcscStack.READER).resolve().waitForCardAbsent(5000)).isTrue();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        VirtualSlot slot = new VirtualSlot("simulator slot");
        try (VpcdCardReader reader = VpcdCardReader.open(slot, Duration.ofMillis(100))) {
            reader.start(new CardReaderListener() {
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
            });
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("ONLINE");
            slot.insert(SimCardFixture.card(SimCardFixture.myNumberCard(dir, "SIM-R001", "1234", 3, "valid"),
                    SimCardFixture.sharedCa()));
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("inserted");
            assertThat(new MynaCardSession(reader.connect()).identify().isMyNumberCard()).isTrue();
            slot.remove();
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("removed");
        }
        assertThat(PcscStack.cardThreads()).isEmpty();
    }
}
