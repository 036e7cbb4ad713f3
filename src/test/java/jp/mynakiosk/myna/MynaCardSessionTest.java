package jp.mynakiosk.myna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jp.mynakiosk.face.Jpeg2000;
import jp.mynakiosk.sim.card.SimCardFixture;
import jp.mynakiosk.sim.card.SimulatorCa;
import jp.mynakiosk.sim.card.VirtualCardFile;
import jp.mynakiosk.sim.card.VirtualSlot;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's card protocol against the virtual card, APDU by APDU through the smartcardio provider. */
class MynaCardSessionTest {
    private static final byte[] SHA256_PREFIX = {0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, (byte) 0x86, 0x48,
        0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};

    @TempDir
    static Path cards;
    static SimulatorCa ca;
    static VirtualCardFile valid;
    static VirtualCardFile locked;
    static VirtualCardFile foreign;
    static VirtualCardFile otherCardInfoPin;
    static VirtualCardFile expired;

    private final VirtualSlot slot = new VirtualSlot("test reader");
    private CardTerminal terminal;
    private CountingChannel channel;

    @BeforeAll
    static void cards() {
        ca = SimCardFixture.sharedCa();
        valid = SimCardFixture.myNumberCard(cards, "SIM-T001", "1234", 3, "valid");
        locked = SimCardFixture.myNumberCard(cards, "SIM-T002", "5678", 0, "valid");
        foreign = SimCardFixture.foreignCard(cards, "SIM-T008");
        otherCardInfoPin = SimCardFixture.myNumberCard(cards, "SIM-T003", "1234", 3, "valid", "cardInfo.pin=4321");
        expired = SimCardFixture.myNumberCard(cards, "SIM-T004", "1234", 3, "expired");
    }

    @BeforeEach
    void reader() {
        terminal = SimCardFixture.terminal(slot);
    }

    @AfterEach
    void pullCard() {
        slot.remove();
    }

    private MynaCardSession insert(VirtualCardFile file) throws CardException {
        slot.remove();
        slot.insert(SimCardFixture.card(file, ca));
        CardChannel basic = terminal.connect("*").getBasicChannel();
        channel = new CountingChannel(basic);
        return new MynaCardSession(channel);
    }

    @Test
    void identifyUnlockSignProducesAVerifiableSignature() throws Exception {
        MynaCardSession session = insert(valid);

        CardCheck check = session.identify();
        assertThat(check.kind()).isEqualTo(CardKind.MY_NUMBER_CARD);
        assertThat(check.tries()).isEqualTo(new PinTries(3));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(check.authCertificateDer()));
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=SIM-T001");
        int identifyApdus = channel.count();

        PinCheck result = session.unlock("1234".toCharArray());
        assertThat(result).isInstanceOf(PinCheck.Unlocked.class);
        PinCheck.Unlocked unlocked = (PinCheck.Unlocked) result;
        assertThat(unlocked.holder().name()).isEqualTo("山田 花子");
        assertThat(unlocked.holder().birthDate()).isEqualTo(LocalDate.of(1956, 3, 19));
        assertThat(unlocked.holder().sex()).isEqualTo(Sex.FEMALE);
        try (Mat photo = Jpeg2000.decode(unlocked.facePhoto())) {
            assertThat(photo.cols()).isEqualTo(180);
            assertThat(photo.rows()).isEqualTo(240);
        }
        int unlockApdus = channel.count() - identifyApdus;

        byte[] message = "link SIM-T001 to insurance".getBytes(StandardCharsets.UTF_8);
        byte[] signature = session.sign(digestInfo(message));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();

        int total = channel.count();
        System.out.printf("APDUs: identify %d, unlock %d, sign %d, total %d; photo %d bytes%n", identifyApdus,
                unlockApdus, total - identifyApdus - unlockApdus, total, unlocked.facePhoto().length);
        assertThat(total - identifyApdus - unlockApdus).isEqualTo(2);
    }

    @Test
    void wrongPinShowsTriesLeftDecrementingAndTheThirdLocks() throws Exception {
        MynaCardSession session = insert(valid);
        assertThat(session.identify().tries().left()).isEqualTo(3);

        assertThat(session.unlock("0000".toCharArray())).isEqualTo(new PinCheck.WrongPin(2));
        assertThat(session.identify().tries()).isEqualTo(new PinTries(2));
        assertThat(session.unlock("9999".toCharArray())).isEqualTo(new PinCheck.WrongPin(1));
        assertThat(session.identify().tries().lastTry()).isTrue();
        assertThat(session.unlock("1111".toCharArray())).isEqualTo(new PinCheck.Locked());

        assertThat(session.identify().tries().locked()).isTrue();
        assertThat(session.unlock("1234".toCharArray())).isEqualTo(new PinCheck.Locked());
    }

    @Test
    void aCorrectPinResetsTheCounterAndTheCardStillReportsTriesAfterwards() throws Exception {
        MynaCardSession session = insert(valid);
        assertThat(session.unlock("0000".toCharArray())).isEqualTo(new PinCheck.WrongPin(2));
        assertThat(session.unlock("1234".toCharArray())).isInstanceOf(PinCheck.Unlocked.class);
        // 63 C3 right after a good VERIFY is a report, not a failure
        assertThat(session.identify().tries()).isEqualTo(new PinTries(3));
    }

    @Test
    void lockedCardSaysLockedWithoutSpendingAnything() throws Exception {
        MynaCardSession session = insert(locked);
        CardCheck check = session.identify();
        assertThat(check.kind()).isEqualTo(CardKind.MY_NUMBER_CARD);
        assertThat(check.tries().locked()).isTrue();
        assertThat(session.unlock("5678".toCharArray())).isEqualTo(new PinCheck.Locked());
    }

    @Test
    void aForeignIcCardIsNotAMyNumberCard() throws Exception {
        MynaCardSession session = insert(foreign);
        CardCheck check = session.identify();
        assertThat(check.kind()).isEqualTo(CardKind.UNKNOWN_CARD);
        assertThat(check.authCertificateDer()).isNull();
        assertThat(check.tries()).isNull();
        assertThat(channel.count()).isEqualTo(1);
    }

    @Test
    void aWrongTokenIsNotAMyNumberCard() throws Exception {
        MynaCardSession session = insert(valid);
        channel.tamper(exchange -> isRead(exchange.command()) && exchange.response().length == 34
                ? new CountingChannel.Exchange(exchange.command(), withStatus("JPKIAPICCTOKEN  ".repeat(2)))
                : exchange);
        assertThat(session.identify().kind()).isEqualTo(CardKind.UNKNOWN_CARD);
    }

    @Test
    void aDifferentCardInfoPinIsReportedAndSigningStaysClosed() throws Exception {
        MynaCardSession session = insert(otherCardInfoPin);
        session.identify();
        assertThat(session.unlock("1234".toCharArray())).isEqualTo(new PinCheck.CardInfoPinDiffers());
        assertThatThrownBy(() -> session.sign(digestInfo(new byte[] {1}))).isInstanceOf(IllegalStateException.class);
        // it costs the card-info PIN one try, so a second attempt stops before its last one
        assertThat(session.unlock("1234".toCharArray())).isEqualTo(new PinCheck.CardInfoPinDiffers());
        assertThat(session.unlock("1234".toCharArray())).isEqualTo(new PinCheck.CardInfoPinDiffers());
    }

    @Test
    void signingBeforeUnlockIsRefused() throws Exception {
        MynaCardSession session = insert(valid);
        session.identify();
        assertThatThrownBy(() -> session.sign(digestInfo(new byte[] {1}))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCardRemovedMidSessionThrowsCardException() throws Exception {
        MynaCardSession session = insert(valid);
        session.identify();
        slot.remove();
        assertThatThrownBy(() -> session.unlock("1234".toCharArray())).isInstanceOf(CardException.class)
                .hasMessageContaining("removed");
        slot.insert(SimCardFixture.card(valid, ca));
        assertThatThrownBy(session::identify).isInstanceOf(CardException.class);
    }

    @Test
    void aCertificateDeclaringAHugeLengthIsMalformed() throws Exception {
        MynaCardSession session = insert(valid);
        channel.tamper(exchange -> isRead(exchange.command()) && exchange.command()[2] == 0
                && exchange.command()[3] == 0 && exchange.response()[0] == 0x30
                ? new CountingChannel.Exchange(exchange.command(), new byte[] {0x30, (byte) 0x83, 0x40, 0x00,
                    0x00, (byte) 0x90, 0x00})
                : exchange);
        assertThatThrownBy(session::identify).isInstanceOf(MynaProtocolException.class)
                .hasMessageContaining("certificate");
    }

    @Test
    void aMyNumberWithABadCheckDigitIsMalformedAndNotEchoed() throws Exception {
        MynaCardSession session = insert(valid);
        session.identify();
        channel.tamper(exchange -> {
            byte[] response = exchange.response();
            if (isRead(exchange.command()) && response.length == 19 && response[0] == (byte) 0xD0) {
                byte[] broken = response.clone();
                broken[13] = (byte) (broken[13] == '9' ? '0' : broken[13] + 1);
                return new CountingChannel.Exchange(exchange.command(), broken);
            }
            return exchange;
        });
        assertThatThrownBy(() -> session.unlock("1234".toCharArray())).isInstanceOf(MynaProtocolException.class)
                .hasMessageContaining("check digit").hasMessageNotContaining("12345678901");
    }

    @Test
    void aShortReadIsMalformed() throws Exception {
        MynaCardSession session = insert(valid);
        // a later chunk (offset > 0) comes back short
        channel.tamper(exchange -> isRead(exchange.command()) && exchange.command()[2] != 0
                && exchange.response().length > 200
                ? new CountingChannel.Exchange(exchange.command(), withStatus("short"))
                : exchange);
        assertThatThrownBy(session::identify).isInstanceOf(MynaProtocolException.class)
                .hasMessageContaining("returned 5 bytes");
    }

    @Test
    void unlockedResultRedactsPersonalData() throws Exception {
        MynaCardSession session = insert(valid);
        PinCheck result = session.unlock("1234".toCharArray());
        assertThat(result.toString()).doesNotContain("山田").doesNotContain("1956");
        assertThat(((PinCheck.Unlocked) result).holder().toString()).doesNotContain("花子");
    }

    @Test
    void aJukiCardAndASmartphoneTokenAreToldApartFromAMyNumberCard() throws Exception {
        for (String kind : List.of("juki", "smartphone")) {
            VirtualCardFile file = loadCard(kind);
            MynaCardSession session = insert(file);
            CardCheck check = session.identify();
            assertThat(check.kind()).isEqualTo(kind.equals("juki") ? CardKind.JUKI_CARD : CardKind.SMARTPHONE_JPKI);
            assertThat(check.authCertificateDer()).isNull();
            assertThat(channel.count()).as("SELECT JPKI, SELECT token, READ token").isEqualTo(3);
            slot.remove();
        }
    }

    @Test
    void aMuteCardCannotBeConnectedAndIsReportedUnresponsive() throws Exception {
        slot.insert(SimCardFixture.card(loadCard("mute"), ca));
        CardException failure = catchThrowableOfType(() -> terminal.connect("*"), CardException.class);
        assertThat(CardSilence.isUnresponsive(failure)).isTrue();
    }

    @Test
    void aCardThatGivesNoStatusWordToTheFirstCommandIsUnresponsive() throws Exception {
        MynaCardSession session = insert(valid);
        channel.tamper(exchange -> new CountingChannel.Exchange(exchange.command(), new byte[] {(byte) 0x90}));
        assertThat(session.identify().kind()).isEqualTo(CardKind.UNRESPONSIVE);
    }

    @Test
    void alteredAttributesDoNotMatchTheSignatureRecord() throws Exception {
        MynaCardSession session = insert(valid);
        session.identify();
        byte[] birthDate = "19560319".getBytes(StandardCharsets.US_ASCII);
        channel.tamper(exchange -> {
            byte[] response = exchange.response();
            int at = indexOf(response, birthDate);
            if (!isRead(exchange.command()) || at < 0) {
                return exchange;
            }
            byte[] forged = response.clone();
            forged[at + 7] = '8'; // a plausible forgery: still a valid date, so only the record can tell
            return new CountingChannel.Exchange(exchange.command(), forged);
        });
        assertThat(session.unlock("1234".toCharArray())).isEqualTo(new PinCheck.CardDataTampered());
        assertThatThrownBy(() -> session.sign(digestInfo(new byte[] {1}))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingOrForgedSignatureRecordIsTampering() throws Exception {
        MynaCardSession session = insert(valid);
        session.identify();
        channel.tamper(exchange -> Arrays.equals(exchange.command(), Apdu.selectFile(0x0003).getBytes())
                ? new CountingChannel.Exchange(exchange.command(), StatusWord.NOT_FOUND.toBytes())
                : exchange);
        assertThat(session.unlock("1234".toCharArray())).isEqualTo(new PinCheck.CardDataTampered());

        MynaCardSession again = insert(valid);
        channel.tamper(exchange -> {
            byte[] response = exchange.response();
            if (isRead(exchange.command()) && response.length > 8 && response[0] == (byte) 0xFF
                    && response[1] == 0x30) {
                byte[] forged = response.clone();
                forged[8] ^= 0x40; // inside the DF31 hash
                return new CountingChannel.Exchange(exchange.command(), forged);
            }
            return exchange;
        });
        assertThat(again.unlock("1234".toCharArray())).isEqualTo(new PinCheck.CardDataTampered());
    }

    @Test
    void theCertificateValidityIsVisibleBeforeThePin() throws Exception {
        CardCheck valid = insert(MynaCardSessionTest.valid).identify();
        assertThat(valid.certificateNotAfter()).isPresent();
        assertThat(valid.certificateExpired(Instant.now())).isFalse();
        slot.remove();
        CardCheck old = insert(expired).identify();
        assertThat(old.certificateExpired(Instant.now())).isTrue();
        assertThat(old.certificateNotAfter().orElseThrow()).isBefore(Instant.now());
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private static VirtualCardFile loadCard(String kind) throws Exception {
        return VirtualCardFile.load(SimCardFixture.writeCardFile(cards, kind + ".properties", "card.id=SIM-K-" + kind,
                "kind=" + kind));
    }

    static byte[] digestInfo(byte[] message) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);
        byte[] digestInfo = Arrays.copyOf(SHA256_PREFIX, SHA256_PREFIX.length + hash.length);
        System.arraycopy(hash, 0, digestInfo, SHA256_PREFIX.length, hash.length);
        return digestInfo;
    }

    private static boolean isRead(byte[] command) {
        return command[1] == (byte) 0xB0;
    }

    private static byte[] withStatus(String data) {
        byte[] bytes = data.getBytes(StandardCharsets.US_ASCII);
        byte[] response = Arrays.copyOf(bytes, bytes.length + 2);
        response[bytes.length] = (byte) 0x90;
        return response;
    }
}
