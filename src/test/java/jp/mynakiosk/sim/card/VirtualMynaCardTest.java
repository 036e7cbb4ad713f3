package jp.mynakiosk.sim.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.mynakiosk.myna.CardFaceApplication;
import jp.mynakiosk.myna.CardInfoApplication;
import jp.mynakiosk.myna.JpkiApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The virtual card's answers, byte for byte, through the smartcardio provider. */
class VirtualMynaCardTest {
    @TempDir
    static Path dir;
    static SimulatorCa ca;
    static VirtualCardFile file;
    static VirtualCardFile foreignFile;

    private final VirtualSlot slot = new VirtualSlot("engine test");
    private CardChannel channel;

    @BeforeAll
    static void load() {
        ca = SimCardFixture.sharedCa();
        file = SimCardFixture.myNumberCard(dir, "SIM-T001", "1234", 3, "valid");
        foreignFile = SimCardFixture.foreignCard(dir, "SIM-T008");
    }

    @BeforeEach
    void insert() throws Exception {
        slot.insert(SimCardFixture.card(file, ca));
        channel = SimCardFixture.terminal(slot).connect("*").getBasicChannel();
    }

    @Test
    void middlewareProbesGetPromptErrors() throws Exception {
        assertThat(sw(0x00, 0xCA, 0x00, 0x4F, null, 256)).isEqualTo(0x6D00); // GET DATA
        assertThat(sw(0x00, 0x84, 0x00, 0x00, null, 8)).isEqualTo(0x6D00); // GET CHALLENGE
        assertThat(sw(0xFF, 0xCA, 0x00, 0x00, null, 256)).isEqualTo(0x6E00); // PC/SC GET UID pseudo-APDU
        assertThat(sw(0x80, 0x50, 0x00, 0x00, new byte[8], 256)).isEqualTo(0x6D00);
        byte[] pivAid = {(byte) 0xA0, 0x00, 0x00, 0x03, 0x08};
        assertThat(sw(0x00, 0xA4, 0x04, 0x00, pivAid, 256)).isEqualTo(0x6A82); // with Le, P2 00
        assertThat(sw(0x00, 0xA4, 0x04, 0x0C, pivAid, 0)).isEqualTo(0x6A82);
        assertThat(sw(0x00, 0xA4, 0x00, 0x0C, new byte[] {0x3F, 0x00}, 0)).isEqualTo(0x6A82);
        assertThat(sw(0x00, 0xB0, 0x00, 0x00, null, 4)).isEqualTo(0x6986); // nothing selected
    }

    @Test
    void readBinaryPastTheEndReturnsTheRest() throws Exception {
        selectJpki();
        assertThat(sw(0x00, 0xA4, 0x02, 0x0C, new byte[] {0x00, 0x06}, 0)).isEqualTo(0x9000);
        ResponseAPDU tail = channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 30, 256));
        assertThat(tail.getSW()).isEqualTo(0x9000);
        assertThat(tail.getData()).containsExactly(' ', ' ');
        assertThat(sw(0x00, 0xB0, 0x00, 32, null, 1)).isEqualTo(0x6B00);
        assertThat(sw(0x00, 0xB0, 0x00, 0x00, null, 0)).isEqualTo(0x6700);
        ResponseAPDU token = channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 32));
        assertThat(new String(token.getData(), 0, 15)).isEqualTo("JPKIAPICCTOKEN2");
    }

    @Test
    void protectedFilesNeedTheirPinFirst() throws Exception {
        select(CardInfoApplication.aid());
        assertThat(sw(0x00, 0xA4, 0x02, 0x0C, new byte[] {0x00, 0x01}, 0)).isEqualTo(0x9000);
        assertThat(sw(0x00, 0xB0, 0x00, 0x00, null, 17)).isEqualTo(0x6982);
        selectFile(CardInfoApplication.PIN_FID);
        assertThat(sw(0x00, 0x20, 0x00, 0x80, "1234".getBytes(), 0)).isEqualTo(0x9000);
        selectFile(CardInfoApplication.MY_NUMBER_FID);
        ResponseAPDU myNumber = channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 17));
        assertThat(myNumber.getSW()).isEqualTo(0x9000);
        assertThat(myNumber.getData()).hasSize(17);
        assertThat(myNumber.getData()[0]).isEqualTo((byte) 0xD0);
        assertThat(myNumber.getData()[16]).isEqualTo((byte) 0xFF);

        select(CardFaceApplication.aid());
        selectFile(CardFaceApplication.CARD_FACE_FID);
        assertThat(sw(0x00, 0xB0, 0x00, 0x00, null, 5)).isEqualTo(0x6982);
    }

    @Test
    void selectingAnotherApplicationForgetsEveryVerifiedPin() throws Exception {
        selectJpki();
        selectFile(JpkiApplication.AUTH_PIN_FID);
        assertThat(sw(0x00, 0x20, 0x00, 0x80, "1234".getBytes(), 0)).isEqualTo(0x9000);
        assertThat(sw(0x00, 0x20, 0x00, 0x80, null, 0)).isEqualTo(0x63C3); // still a report after success
        select(CardInfoApplication.aid());
        selectJpki();
        selectFile(JpkiApplication.AUTH_KEY_FID);
        assertThat(sw(0x80, 0x2A, 0x00, 0x80, new byte[51], 256)).isEqualTo(0x6982);
    }

    @Test
    void pinCountersAreSeparateAndLockAtZero() throws Exception {
        selectJpki();
        selectFile(JpkiApplication.AUTH_PIN_FID);
        assertThat(sw(0x00, 0x20, 0x00, 0x80, "0000".getBytes(), 0)).isEqualTo(0x63C2);
        select(CardInfoApplication.aid());
        selectFile(CardInfoApplication.PIN_FID);
        assertThat(sw(0x00, 0x20, 0x00, 0x80, null, 0)).isEqualTo(0x63C3);
        selectJpki();
        selectFile(JpkiApplication.AUTH_PIN_FID);
        assertThat(sw(0x00, 0x20, 0x00, 0x80, "0000".getBytes(), 0)).isEqualTo(0x63C1);
        assertThat(sw(0x00, 0x20, 0x00, 0x80, "0000".getBytes(), 0)).isEqualTo(0x63C0);
        assertThat(sw(0x00, 0x20, 0x00, 0x80, "1234".getBytes(), 0)).isEqualTo(0x6983);
        assertThat(sw(0x00, 0x20, 0x00, 0x80, null, 0)).isEqualTo(0x63C0);
    }

    @Test
    void theCounterSurvivesRemovalButNotTheVerifiedState() throws Exception {
        VirtualMynaCard card = slot.current().orElseThrow().card();
        selectJpki();
        selectFile(JpkiApplication.AUTH_PIN_FID);
        sw(0x00, 0x20, 0x00, 0x80, "0000".getBytes(), 0);
        slot.remove();
        slot.insert(card);
        assertThat(card.authPinTriesLeft()).isEqualTo(2);
    }

    @Test
    void aForeignCardAnswersNotFoundToEverySelect() throws Exception {
        slot.remove();
        slot.insert(SimCardFixture.card(foreignFile, ca));
        channel = SimCardFixture.terminal(slot).connect("*").getBasicChannel();
        assertThat(sw(0x00, 0xA4, 0x04, 0x0C, JpkiApplication.aid(), 0)).isEqualTo(0x6A82);
        assertThat(sw(0x00, 0xA4, 0x04, 0x0C, CardInfoApplication.aid(), 0)).isEqualTo(0x6A82);
        assertThat(sw(0x00, 0xA4, 0x02, 0x0C, new byte[] {0x00, 0x06}, 0)).isEqualTo(0x6A82);
    }

    private void selectJpki() throws Exception {
        select(JpkiApplication.aid());
    }

    private void select(byte[] aid) throws Exception {
        assertThat(sw(0x00, 0xA4, 0x04, 0x0C, aid, 0)).isEqualTo(0x9000);
    }

    private void selectFile(int fid) throws Exception {
        assertThat(sw(0x00, 0xA4, 0x02, 0x0C, new byte[] {(byte) (fid >> 8), (byte) fid}, 0)).isEqualTo(0x9000);
    }

    private int sw(int cla, int ins, int p1, int p2, byte[] data, int ne) throws Exception {
        CommandAPDU command = data == null
                ? (ne == 0 ? new CommandAPDU(cla, ins, p1, p2) : new CommandAPDU(cla, ins, p1, p2, ne))
                : (ne == 0 ? new CommandAPDU(cla, ins, p1, p2, data) : new CommandAPDU(cla, ins, p1, p2, data, ne));
        return channel.transmit(command).getSW();
    }
}
