package jp.mynakiosk.myna;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.smartcardio.Card;
import jp.mynakiosk.sim.card.CardExchange;
import jp.mynakiosk.sim.card.CardInterface;
import jp.mynakiosk.sim.card.SimCardFixture;
import jp.mynakiosk.sim.card.SimulatorCa;
import jp.mynakiosk.sim.card.VirtualCardFile;
import jp.mynakiosk.sim.card.VirtualMynaCard;
import jp.mynakiosk.sim.card.VirtualSlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole card journey (identify → unlock → sign) through the in-process smartcardio provider for each way
 * the virtual card can present itself, watched on both sides: what {@code myna} sends (the same on every
 * interface) and what the card receives and answers (for T=0: 61 xx, GET RESPONSE, 6C xx and the resend).
 */
class CardInterfaceJourneyTest {
    private static final byte[] SHA256_PREFIX = {0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, (byte) 0x86, 0x48,
        0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
    @TempDir
    static Path cards;
    static SimulatorCa ca;

    @BeforeAll
    static void setUp() {
        ca = SimCardFixture.sharedCa();
    }

    @ParameterizedTest
    @EnumSource(CardInterface.class)
    void identifyUnlockSignOnEveryInterface(CardInterface cardInterface) throws Exception {
        journey(cardInterface);
    }

    @Test
    void mynaSendsTheSameApdusWhateverTheInterface() throws Exception {
        Map<CardInterface, Integer> hostApdus = new EnumMap<>(CardInterface.class);
        for (CardInterface cardInterface : CardInterface.values()) {
            hostApdus.put(cardInterface, journey(cardInterface));
        }
        assertThat(new HashSet<>(hostApdus.values())).as(hostApdus.toString()).hasSize(1);
    }

    /** Runs the journey; returns the number of APDUs myna sent. */
    private int journey(CardInterface cardInterface) throws Exception {
        String cardId = "SIM-I" + cardInterface.ordinal();
        VirtualCardFile file = SimCardFixture.myNumberCard(cards.resolve(cardInterface.key() + "-" + UUID.randomUUID()), cardId, "1234", 3,
                "valid", "interface=" + cardInterface.key());
        assertThat(file.cardInterface()).isEqualTo(cardInterface);
        VirtualMynaCard virtualCard = SimCardFixture.card(file, ca);
        List<CardExchange> seen = Collections.synchronizedList(new ArrayList<>());
        virtualCard.setExchangeListener(seen::add);
        VirtualSlot slot = new VirtualSlot("reader " + cardInterface.key());
        slot.insert(virtualCard);

        Card card = SimCardFixture.terminal(slot).connect("*");
        assertThat(card.getProtocol()).isEqualTo(cardInterface.protocol());
        assertThat(card.getATR().getBytes()).isEqualTo(cardInterface.atr());
        CountingChannel channel = new CountingChannel(card.getBasicChannel());
        MynaCardSession session = new MynaCardSession(channel);

        CardCheck check = session.identify();
        assertThat(check.kind()).isEqualTo(CardKind.MY_NUMBER_CARD);
        assertThat(check.tries()).isEqualTo(new PinTries(3));
        PinCheck result = session.unlock("1234".toCharArray());
        assertThat(result).isInstanceOf(PinCheck.Unlocked.class);
        assertThat(((PinCheck.Unlocked) result).holder().name()).isEqualTo("山田 花子");
        byte[] message = ("link " + cardId).getBytes(StandardCharsets.UTF_8);
        byte[] signature = session.sign(digestInfo(message));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(check.authCertificateDer()));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();

        long bytesAvailable = seen.stream().filter(e -> e.sw1() == 0x61).count();
        long wrongLe = seen.stream().filter(e -> e.sw1() == 0x6C).count();
        long getResponses = seen.stream().filter(CardExchange::isGetResponse).count();
        System.out.printf("%s: myna sent %d APDUs, the card answered %d (61xx %d, GET RESPONSE %d, 6Cxx %d)%n",
                cardInterface.key(), channel.count(), seen.size(), bytesAvailable, getResponses, wrongLe);
        if (cardInterface == CardInterface.CONTACT_T0) {
            // the signature (case 4) comes back through 61 00 and GET RESPONSE 80 C0 00 00 00
            assertThat(seen).anySatisfy(e -> {
                assertThat(e.ins()).isEqualTo(0x2A);
                assertThat(e.sw()).isEqualTo(0x6100);
                assertThat(e.responseDataLength()).isZero();
            });
            assertThat(seen).anySatisfy(e -> {
                assertThat(e.isGetResponse()).isTrue();
                assertThat(e.cla()).isEqualTo(0x80);
                assertThat(e.responseDataLength()).isEqualTo(256);
                assertThat(e.sw()).isEqualTo(0x9000);
            });
            // a READ BINARY asking 256 bytes of a shorter file is answered 6C xx and resent with Le = xx
            int resend = indexOfWrongLeFollowedByExactRead(seen);
            assertThat(resend).as("a 6C xx followed by the READ BINARY with Le = xx").isNotNegative();
            assertThat(getResponses).isEqualTo(bytesAvailable);
            assertThat(seen.size()).isEqualTo(channel.count() + getResponses + wrongLe);
        } else {
            assertThat(seen).noneSatisfy(e -> assertThat(e.sw1()).isIn(0x61, 0x6C));
            assertThat(seen).noneSatisfy(e -> assertThat(e.isGetResponse()).isTrue());
            assertThat(seen).hasSize(channel.count());
        }
        slot.remove();
        return channel.count();
    }

    private static int indexOfWrongLeFollowedByExactRead(List<CardExchange> seen) {
        for (int i = 0; i + 1 < seen.size(); i++) {
            CardExchange wrong = seen.get(i);
            CardExchange again = seen.get(i + 1);
            if (wrong.ins() == 0xB0 && wrong.sw1() == 0x6C && again.ins() == 0xB0 && again.p1() == wrong.p1()
                    && again.p2() == wrong.p2() && again.sw() == 0x9000
                    && again.responseDataLength() == (wrong.sw() & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    static byte[] digestInfo(byte[] message) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);
        byte[] info = Arrays.copyOf(SHA256_PREFIX, SHA256_PREFIX.length + hash.length);
        System.arraycopy(hash, 0, info, SHA256_PREFIX.length, hash.length);
        return info;
    }
}
