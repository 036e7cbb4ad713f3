package jp.mynakiosk.sim.vpcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import javax.smartcardio.CommandAPDU;
import jp.mynakiosk.myna.JpkiApplication;
import jp.mynakiosk.sim.card.SimCardFixture;
import jp.mynakiosk.sim.card.VirtualMynaCard;
import jp.mynakiosk.sim.card.VirtualSlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vpcd socket protocol against a stand-in for vpcd's side (runs without pcscd). */
class VpcdConnectionTest {
    @TempDir
    Path dir;

    @Test
    void speaksTheVpcdProtocolAndRemovingTheCardClosesTheSocket() throws Exception {
        VirtualMynaCard card = SimCardFixture.card(SimCardFixture.myNumberCard(dir, "SIM-C001", "1234", 3, "valid"),
                SimCardFixture.sharedCa());
        try (ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            VpcdConnection connection = VpcdConnection.insert("localhost", vpcd.getLocalPort(), VpcdCard.of(card),
                    Duration.ofSeconds(2));
            try (Socket reader = vpcd.accept()) {
                reader.setSoTimeout(5000);
                DataInputStream in = new DataInputStream(reader.getInputStream());
                DataOutputStream out = new DataOutputStream(reader.getOutputStream());

                VpcdConnection.writeMessage(out, new byte[] {VpcdConnection.CONTROL_ATR});
                assertThat(VpcdConnection.readMessage(in)).isEqualTo(card.atr());
                VpcdConnection.writeMessage(out, new byte[] {VpcdConnection.CONTROL_POWER_ON});
                VpcdConnection.writeMessage(out, new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JpkiApplication.aid())
                        .getBytes());
                assertThat(VpcdConnection.readMessage(in)).containsExactly(0x90, 0x00);
                // a malformed command is answered, not fatal
                VpcdConnection.writeMessage(out, new byte[] {0x00, (byte) 0xB0, 0x00});
                assertThat(VpcdConnection.readMessage(in)).containsExactly(0x67, 0x00);
                VpcdConnection.writeMessage(out, new byte[] {VpcdConnection.CONTROL_RESET});
                VpcdConnection.writeMessage(out, new byte[] {VpcdConnection.CONTROL_ATR});
                assertThat(VpcdConnection.readMessage(in)).isEqualTo(card.atr());
                assertThat(connection.isInserted()).isTrue();

                connection.close();
                assertThat(connection.isInserted()).isFalse();
                assertThat(in.read()).as("vpcd sees the socket closed: card removed").isEqualTo(-1);
            }
        }
        assertThat(PcscStack.cardThreads()).isEmpty();
    }

    @Test
    void theBridgeFollowsTheSlotAndReconnectsWhenVpcdDropsTheCard() throws Exception {
        VirtualMynaCard card = SimCardFixture.card(SimCardFixture.myNumberCard(dir, "SIM-C002", "1234", 3, "valid"),
                SimCardFixture.sharedCa());
        VirtualSlot slot = new VirtualSlot("slot");
        try (ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            vpcd.setSoTimeout(5000);
            try (VpcdSlotBridge bridge = VpcdSlotBridge.attach(slot, "localhost", vpcd.getLocalPort())) {
                assertThat(bridge.serving()).isFalse();
                slot.insert(card);
                try (Socket first = vpcd.accept()) {
                    assertThat(bridge.serving()).isTrue();
                }
                // vpcd closed the connection (pcscd restarted) while the card stays in the slot
                try (Socket second = vpcd.accept()) {
                    second.setSoTimeout(5000);
                    DataOutputStream out = new DataOutputStream(second.getOutputStream());
                    VpcdConnection.writeMessage(out, new byte[] {VpcdConnection.CONTROL_ATR});
                    assertThat(VpcdConnection.readMessage(new DataInputStream(second.getInputStream())))
                            .isEqualTo(card.atr());
                    slot.remove();
                    assertThat(second.getInputStream().read()).isEqualTo(-1);
                    assertThat(bridge.serving()).isFalse();
                }
            }
        }
        assertThat(PcscStack.cardThreads()).isEmpty();
    }
}
