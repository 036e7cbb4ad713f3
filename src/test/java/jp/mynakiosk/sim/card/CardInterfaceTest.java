package jp.mynakiosk.sim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.mynakiosk.myna.JpkiApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card-file key {@code interface}: ATRs, protocols, and T=0's 61 xx / 6C xx on the card and host sides. */
class CardInterfaceTest {
    @TempDir
    static Path dir;
    static SimulatorCa ca;

    @BeforeAll
    static void setUp() {
        ca = SimCardFixture.sharedCa();
    }

    @Test
    void everyAtrParsesAndAnnouncesItsProtocol() {
        Atr t1 = Atr.parse(CardInterface.CONTACT_T1.atr());
        assertThat(t1.protocols()).containsExactly(1);
        assertThat(t1.historical()).isEmpty();
        assertThat(t1.tckOk()).isTrue();

        Atr t0 = Atr.parse(CardInterface.CONTACT_T0.atr());
        assertThat(t0.protocols()).containsExactly(0);
        assertThat(t0.tckPresent()).as("no TCK when only T=0 is offered").isFalse();

        byte[] contactless = CardInterface.CONTACTLESS.atr();
        Atr typeB = Atr.parse(contactless);
        // PC/SC Part 3: TD1 80 (T=0 nibble, TD2 follows), TD2 01 (T=1), 8 historical bytes for Type B
        assertThat(Arrays.copyOf(contactless, 4)).isEqualTo(new byte[] {0x3B, (byte) 0x88, (byte) 0x80, 0x01});
        assertThat(typeB.protocols()).containsExactly(0, 1);
        assertThat(typeB.historical()).hasSize(8);
        assertThat(typeB.tckOk()).isTrue();
        assertThat(new ATR(contactless).getHistoricalBytes()).isEqualTo(typeB.historical());
        assertThat(CardInterface.CONTACTLESS.protocol()).isEqualTo("T=1");
    }

    @Test
    void theKeyDefaultsToContactT1AndABadValueIsRefusedNamingFileKeyValueAndExpectation() throws Exception {
        assertThat(SimCardFixture.myNumberCard(dir.resolve("a"), "SIM-D1", "1234", 3, "valid").cardInterface())
                .isEqualTo(CardInterface.CONTACT_T1);
        assertThat(SimCardFixture.myNumberCard(dir.resolve("b"), "SIM-D2", "1234", 3, "valid",
                "interface= contactless ").cardInterface()).isEqualTo(CardInterface.CONTACTLESS);
        Path foreign = SimCardFixture.writeCardFile(dir, "juki.properties", "card.id=SIM-D3", "kind=juki",
                "interface=contact-t0");
        assertThat(VirtualCardFile.load(foreign).cardInterface()).isEqualTo(CardInterface.CONTACT_T0);

        Path bad = SimCardFixture.writeCardFile(dir, "bad.properties", "card.id=SIM-D4", "kind=unknown",
                "interface=T=0");
        assertThatThrownBy(() -> VirtualCardFile.load(bad)).isInstanceOf(CardFileException.class)
                .hasMessageContaining("bad.properties: key 'interface' has value 'T=0'")
                .hasMessageContaining("expected contact-t1, contact-t0 or contactless");
    }

    @Test
    void connectRefusesAProtocolTheCardDoesNotSpeak() throws Exception {
        VirtualSlot slot = slotWith(CardInterface.CONTACT_T0);
        assertThat(SimCardFixture.terminal(slot).connect("T=0").getProtocol()).isEqualTo("T=0");
        assertThatThrownBy(() -> SimCardFixture.terminal(slot).connect("T=1")).isInstanceOf(CardException.class)
                .hasMessageContaining("SCARD_E_PROTO_MISMATCH");
        assertThatThrownBy(() -> SimCardFixture.terminal(slot).connect("T=CL")).isInstanceOf(CardException.class);
    }

    @Test
    void aT0CardAnswersWithTheStatusWordsOfT0() throws Exception {
        VirtualMynaCard card = cardWith(CardInterface.CONTACT_T0);
        card.reset();
        assertThat(sw(card.transmit(hex("00 C0 00 00 10")))).as("GET RESPONSE, nothing waiting").isEqualTo(0x6985);
        assertThat(sw(card.transmit(selectJpki()))).isEqualTo(0x9000);
        assertThat(sw(card.transmit(hex("00 A4 02 0C 02 00 06")))).isEqualTo(0x9000);
        // token file: 32 bytes; asking 256 (Le 00) gives 6C 20, asking 32 gives the data
        assertThat(card.transmit(hex("00 B0 00 00 00"))).isEqualTo(hex("6C 20"));
        byte[] token = card.transmit(hex("00 B0 00 00 20"));
        assertThat(token).hasSize(34);
        assertThat(sw(token)).isEqualTo(0x9000);
        // a case-4 SELECT with Le: T=0 drops the Le; nothing to return, so no 61 xx
        assertThat(card.transmit(hex("00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01"))).isEqualTo(hex("90 00"));
        // a malformed command
        assertThat(card.transmit(hex("00 B0 00"))).isEqualTo(hex("67 00"));
    }

    @Test
    void aT0SignatureWaitsForGetResponseAndCanBeFetchedInParts() {
        VirtualMynaCard card = cardWith(CardInterface.CONTACT_T0);
        card.reset();
        card.transmit(selectJpki());
        card.transmit(hex("00 A4 02 0C 02 00 18"));
        assertThat(card.transmit(hex("00 20 00 80 04 31 32 33 34"))).isEqualTo(hex("90 00"));
        card.transmit(hex("00 A4 02 0C 02 00 17"));
        byte[] sign = new byte[5 + 51];
        System.arraycopy(hex("80 2A 00 80 33"), 0, sign, 0, 5);
        System.arraycopy(hex("30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20"), 0, sign, 5, 19);
        // case 3 on the wire (T=0 has no room for Le): the 256-byte signature waits
        assertThat(card.transmit(sign)).isEqualTo(hex("61 00"));
        assertThat(card.transmit(hex("80 C0 00 00 80"))).hasSize(130).endsWith(hex("61 80"));
        assertThat(card.transmit(hex("00 C0 00 00 00"))).as("Le 256 for 128 waiting").isEqualTo(hex("6C 80"));
        assertThat(card.transmit(hex("00 C0 00 00 80"))).hasSize(130).endsWith(hex("90 00"));
        assertThat(sw(card.transmit(hex("00 C0 00 00 80")))).as("nothing left").isEqualTo(0x6985);
    }

    @Test
    void theT1CardNeverAsksForGetResponse() {
        VirtualMynaCard card = cardWith(CardInterface.CONTACT_T1);
        card.reset();
        card.transmit(selectJpki());
        card.transmit(hex("00 A4 02 0C 02 00 06"));
        byte[] token = card.transmit(hex("00 B0 00 00 00"));
        assertThat(token).hasSize(34);
        assertThat(sw(card.transmit(hex("00 C0 00 00 10")))).isEqualTo(0x6D00);
    }

    @Test
    void theInProcessChannelDoesGetResponseAndLeCorrectionLikeTheJdk() throws Exception {
        VirtualSlot slot = slotWith(CardInterface.CONTACT_T0);
        List<CardExchange> seen = new ArrayList<>();
        slot.card().orElseThrow().setExchangeListener(seen::add);
        Card card = SimCardFixture.terminal(slot).connect("*");
        CardChannel channel = card.getBasicChannel();
        assertThat(channel.transmit(new CommandAPDU(selectJpki())).getSW()).isEqualTo(0x9000);
        assertThat(channel.transmit(new CommandAPDU(hex("00 A4 02 0C 02 00 06"))).getSW()).isEqualTo(0x9000);
        seen.clear();

        ResponseAPDU token = channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 256));
        assertThat(token.getSW()).isEqualTo(0x9000);
        assertThat(new String(token.getData(), java.nio.charset.StandardCharsets.US_ASCII))
                .startsWith(JpkiApplication.MY_NUMBER_CARD_TOKEN);
        assertThat(seen).extracting(CardExchange::sw).containsExactly(0x6C20, 0x9000);
        assertThat(seen.get(1).commandLength()).isEqualTo(5);

        // extended length cannot go over T=0 (the JDK's message)
        assertThatThrownBy(() -> channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 1000)))
                .isInstanceOf(CardException.class).hasMessageContaining("Extended length");
    }

    private static VirtualSlot slotWith(CardInterface cardInterface) {
        VirtualSlot slot = new VirtualSlot("reader");
        slot.insert(cardWith(cardInterface));
        return slot;
    }

    private static VirtualMynaCard cardWith(CardInterface cardInterface) {
        Path folder = dir.resolve(cardInterface.key() + "-" + System.nanoTime());
        return SimCardFixture.card(SimCardFixture.myNumberCard(folder, "SIM-C" + cardInterface.ordinal(), "1234",
                3, "valid", "interface=" + cardInterface.key()), ca);
    }

    private static byte[] selectJpki() {
        byte[] aid = JpkiApplication.aid();
        byte[] select = new byte[5 + aid.length];
        select[1] = (byte) 0xA4;
        select[2] = 0x04;
        select[3] = 0x0C;
        select[4] = (byte) aid.length;
        System.arraycopy(aid, 0, select, 5, aid.length);
        return select;
    }

    private static int sw(byte[] response) {
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    private static byte[] hex(String text) {
        String[] parts = text.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    /** A small ISO 7816-3 ATR decoder: protocols offered by TDi, historical bytes, TCK. */
    record Atr(List<Integer> protocols, byte[] historical, boolean tckPresent, boolean tckOk) {
        static Atr parse(byte[] atr) {
            assertThat(atr[0]).as("TS direct convention").isEqualTo((byte) 0x3B);
            int k = atr[1] & 0x0F;
            int y = (atr[1] & 0xF0) >> 4;
            int i = 2;
            List<Integer> protocols = new ArrayList<>();
            while (true) {
                i += Integer.bitCount(y & 0x7);
                if ((y & 0x8) == 0) {
                    break;
                }
                int td = atr[i++] & 0xFF;
                protocols.add(td & 0x0F);
                y = td >> 4;
            }
            if (protocols.isEmpty()) {
                protocols.add(0);
            }
            byte[] historical = Arrays.copyOfRange(atr, i, i + k);
            boolean tckPresent = protocols.stream().anyMatch(p -> p != 0);
            assertThat(atr.length).as("ATR length").isEqualTo(i + k + (tckPresent ? 1 : 0));
            int xor = 0;
            for (int j = 1; j < atr.length; j++) {
                xor ^= atr[j];
            }
            return new Atr(List.copyOf(protocols), historical, tckPresent, tckPresent && xor == 0);
        }
    }
}
