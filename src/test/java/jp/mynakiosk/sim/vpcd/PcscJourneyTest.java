package jp.mynakiosk.sim.vpcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import jp.mynakiosk.device.CardReaderListener;
import jp.mynakiosk.device.DeviceStatus;
import jp.mynakiosk.device.MediaState;
import jp.mynakiosk.device.smartcardio.PcscTerminals;
import jp.mynakiosk.device.smartcardio.SmartcardioCardReader;
import jp.mynakiosk.myna.CardCheck;
import jp.mynakiosk.myna.CardKind;
import jp.mynakiosk.myna.CardSilence;
import jp.mynakiosk.myna.MynaCardSession;
import jp.mynakiosk.myna.PinCheck;
import jp.mynakiosk.sim.card.CardExchange;
import jp.mynakiosk.sim.card.CardInterface;
import jp.mynakiosk.sim.card.SimCardFixture;
import jp.mynakiosk.sim.card.SimulatorCa;
import jp.mynakiosk.sim.card.VirtualCardFile;
import jp.mynakiosk.sim.card.VirtualMynaCard;
import jp.mynakiosk.sim.card.VirtualSlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The card part of the journey through the code path of a real reader: {@code TerminalFactory "PC/SC"} →
 * libpcsclite → pcscd → vsmartcard's vpcd driver → TCP → the virtual card. Skipped without pcscd (see
 * {@link PcscStack}).
 */
class PcscJourneyTest {
    private static final byte[] SHA256_PREFIX = {0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, (byte) 0x86, 0x48,
        0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
    private static final long EVENT_SECONDS = 10;

    @TempDir
    static Path cards;
    static SimulatorCa ca;
    static VirtualCardFile valid;

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
    private final VirtualSlot slot = new VirtualSlot("simulator slot");
    private VpcdSlotBridge bridge;
    private SmartcardioCardReader reader;

    @BeforeAll
    static void cards() {
        ca = SimCardFixture.sharedCa();
        valid = SimCardFixture.myNumberCard(cards, "SIM-V001", "1234", 3, "valid");
    }

    @BeforeEach
    void stack() throws Exception {
        PcscStack.require();
        // pcscd notices a card that left with the previous test only at its next presence poll
        assertThat(PcscTerminals.named(PcscStack.READER).resolve().waitForCardAbsent(5000))
                .as("the vpcd reader is empty before the test").isTrue();
        bridge = VpcdSlotBridge.attach(slot, PcscStack.HOST, PcscStack.PORT);
        reader = new SmartcardioCardReader(PcscTerminals.named(PcscStack.READER), Duration.ofMillis(100));
        reader.start(listener);
        assertThat(next()).isEqualTo("ONLINE");
    }

    @AfterEach
    void closeAll() {
        if (reader != null) {
            reader.close();
        }
        if (bridge != null) {
            bridge.close();
        }
        assertThat(PcscStack.cardThreads()).as("threads left behind").isEmpty();
    }

    @Test
    void identifyUnlockSignThroughPcsc() throws Exception {
        slot.insert(SimCardFixture.card(valid, ca));
        assertThat(next()).isEqualTo("inserted");
        MynaCardSession session = new MynaCardSession(reader.connect());

        CardCheck check = session.identify();
        assertThat(check.kind()).isEqualTo(CardKind.MY_NUMBER_CARD);
        assertThat(check.tries().left()).isEqualTo(3);
        PinCheck unlocked = session.unlock("1234".toCharArray());
        assertThat(unlocked).isInstanceOf(PinCheck.Unlocked.class);
        assertThat(((PinCheck.Unlocked) unlocked).holder().name()).isEqualTo("山田 花子");

        byte[] message = "link SIM-V001 through PC/SC".getBytes(StandardCharsets.UTF_8);
        byte[] signature = session.sign(digestInfo(message));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(check.authCertificateDer()));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    /**
     * The same journey with a card that presents itself as contact T=0 or contactless: pcscd picks the
     * protocol from the card's own ATR, and for T=0 the JDK's PC/SC channel (not the simulator) turns the
     * card's 61 xx into GET RESPONSE and its 6C xx into a resend.
     */
    @ParameterizedTest
    @EnumSource(value = CardInterface.class, names = {"CONTACT_T0", "CONTACTLESS"})
    void identifyUnlockSignThroughPcscOnEveryInterface(CardInterface cardInterface) throws Exception {
        VirtualCardFile file = SimCardFixture.myNumberCard(cards.resolve(cardInterface.key()),
                "SIM-V00" + (cardInterface.ordinal() + 2), "1234", 3, "valid", "interface=" + cardInterface.key());
        VirtualMynaCard card = SimCardFixture.card(file, ca);
        List<CardExchange> seen = Collections.synchronizedList(new ArrayList<>());
        card.setExchangeListener(seen::add);
        slot.insert(card);
        assertThat(next()).isEqualTo("inserted");
        CardChannel channel = reader.connect();
        assertThat(channel.getCard().getProtocol()).isEqualTo(cardInterface.protocol());
        assertThat(channel.getCard().getATR().getBytes()).isEqualTo(cardInterface.atr());
        MynaCardSession session = new MynaCardSession(channel);

        CardCheck check = session.identify();
        assertThat(check.kind()).isEqualTo(CardKind.MY_NUMBER_CARD);
        assertThat(session.unlock("1234".toCharArray())).isInstanceOf(PinCheck.Unlocked.class);
        byte[] message = ("link through PC/SC, " + cardInterface.key()).getBytes(StandardCharsets.UTF_8);
        byte[] signature = session.sign(digestInfo(message));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(check.authCertificateDer()));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();

        List<CardExchange> exchanges = List.copyOf(seen);
        long getResponses = exchanges.stream().filter(CardExchange::isGetResponse).count();
        long wrongLe = exchanges.stream().filter(e -> e.sw1() == 0x6C).count();
        System.out.printf("PC/SC %s: the card answered %d commands (GET RESPONSE %d, 6Cxx %d)%n",
                cardInterface.key(), exchanges.size(), getResponses, wrongLe);
        if (cardInterface == CardInterface.CONTACT_T0) {
            assertThat(exchanges).anySatisfy(e -> assertThat(e.sw()).isEqualTo(0x6100));
            assertThat(exchanges).anySatisfy(e -> {
                assertThat(e.isGetResponse()).isTrue();
                assertThat(e.responseDataLength()).isEqualTo(256);
            });
            assertThat(wrongLe).isPositive();
        } else {
            assertThat(getResponses + wrongLe).isZero();
        }
    }

    @Test
    void removalEndsTheConnectionAndAReinsertedCardWorksAgain() throws Exception {
        slot.insert(SimCardFixture.card(valid, ca));
        assertThat(next()).isEqualTo("inserted");
        CardChannel channel = reader.connect();
        MynaCardSession first = new MynaCardSession(channel);
        assertThat(first.identify().isMyNumberCard()).isTrue();

        slot.remove();
        assertThat(next()).isEqualTo("removed");
        assertThat(reader.media()).isEqualTo(MediaState.NOT_PRESENT);
        assertThatThrownBy(first::identify).isInstanceOf(CardException.class);

        slot.insert(SimCardFixture.card(valid, ca));
        assertThat(next()).isEqualTo("inserted");
        assertThat(new MynaCardSession(reader.connect()).identify().isMyNumberCard()).isTrue();
    }

    @Test
    void aCardPulledOutMidUnlockEndsInCardExceptionNotAHang() throws Exception {
        VirtualMynaCard card = SimCardFixture.card(valid, ca);
        AtomicInteger commands = new AtomicInteger();
        AtomicReference<VpcdConnection> connection = new AtomicReference<>();
        VpcdCard yanked = new VpcdCard() {
            private final VpcdCard inner = VpcdCard.of(card);

            @Override
            public byte[] atr() {
                return inner.atr();
            }

            @Override
            public void reset() {
                inner.reset();
            }

            @Override
            public byte[] transmit(byte[] command) {
                // the first VERIFY with a PIN is inside unlock(): the card leaves while the reader waits
                if (command[1] == 0x20 && command.length > 5 && commands.incrementAndGet() == 1) {
                    connection.get().close();
                }
                return inner.transmit(command);
            }
        };
        bridge.close();
        connection.set(VpcdConnection.insert(PcscStack.HOST, PcscStack.PORT, yanked, Duration.ofSeconds(2)));
        try {
            assertThat(next()).isEqualTo("inserted");
            MynaCardSession session = new MynaCardSession(reader.connect());
            assertThat(session.identify().isMyNumberCard()).isTrue();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> session.unlock("1234".toCharArray())).isInstanceOf(CardException.class));
            assertThat(next()).isEqualTo("removed");
        } finally {
            connection.get().close();
        }
    }

    @Test
    void aCardWithoutAUsableAtrIsReportedAsUnresponsive() throws Exception {
        VpcdCard mute = new VpcdCard() {
            @Override
            public byte[] atr() {
                return new byte[] {0x00};
            }

            @Override
            public void reset() {
            }

            @Override
            public byte[] transmit(byte[] command) {
                return new byte[] {(byte) 0x90, 0x00};
            }
        };
        bridge.close();
        try (VpcdConnection connection = VpcdConnection.insert(PcscStack.HOST, PcscStack.PORT, mute,
                Duration.ofSeconds(2))) {
            assertThat(next()).isEqualTo("inserted");
            CardException failure = catchThrowableOfType(reader::connect, CardException.class);
            assertThat(failure).as("connect() to a card with garbage for an ATR").isNotNull();
            assertThat(CardSilence.isUnresponsive(failure)).as(String.valueOf(failure.getCause())).isTrue();
        }
        assertThat(next()).isEqualTo("removed");
    }

    @Test
    void aPcscdRestartIsSurvivedWithoutRestartingTheKiosk() throws Exception {
        String restart = System.getenv(PcscStack.RESTART);
        assumeTrue(restart != null && !restart.isBlank(), "pcscd restart test skipped: " + PcscStack.RESTART
                + " (a command that restarts pcscd) is not set; .ci/run sets it");
        slot.insert(SimCardFixture.card(valid, ca));
        assertThat(next()).isEqualTo("inserted");
        assertThat(new MynaCardSession(reader.connect()).identify().isMyNumberCard()).isTrue();

        Process process = new ProcessBuilder("bash", "-c", restart).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("restart command finished").isTrue();
        assertThat(process.exitValue()).as("restart command exit code").isZero();

        List<String> seen = new ArrayList<>();
        String event;
        do {
            event = next();
            seen.add(event);
        } while (!event.equals("inserted") && !event.startsWith("no event") && seen.size() < 10);
        assertThat(seen).as("events across the restart").contains("removed", "ONLINE", "inserted");
        assertThat(seen.subList(0, seen.indexOf("ONLINE"))).containsAnyOf("NO_DEVICE", "HARDWARE_ERROR");
        MynaCardSession session = new MynaCardSession(reader.connect());
        assertThat(session.identify().isMyNumberCard()).isTrue();
        assertThat(session.unlock("1234".toCharArray())).isInstanceOf(PinCheck.Unlocked.class);
    }

    private String next() throws InterruptedException {
        String event = events.poll(EVENT_SECONDS, TimeUnit.SECONDS);
        return event == null ? "no event within " + EVENT_SECONDS + " s" : event;
    }

    static byte[] digestInfo(byte[] message) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);
        byte[] info = new byte[SHA256_PREFIX.length + hash.length];
        System.arraycopy(SHA256_PREFIX, 0, info, 0, SHA256_PREFIX.length);
        System.arraycopy(hash, 0, info, SHA256_PREFIX.length, hash.length);
        return info;
    }
}
