package jp.mynakiosk.sim.card;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.mynakiosk.myna.JpkiApplication;
import jp.mynakiosk.myna.StatusWord;
import jp.mynakiosk.sim.card.CardApplication.BinaryFile;
import jp.mynakiosk.sim.card.CardApplication.CardFile;
import jp.mynakiosk.sim.card.CardApplication.KeyFile;
import jp.mynakiosk.sim.card.CardApplication.PinFile;

/**
 * The virtual card's APDU engine: SELECT (by AID, by FID), READ BINARY, VERIFY and COMPUTE DIGITAL
 * SIGNATURE, with per-PIN retry counters held in memory (card files are never written back). Anything
 * else is answered at once with an error status, as generic middleware probes expect.
 */
public final class VirtualMynaCard {
    private static final int INS_SELECT = 0xA4;
    private static final int INS_READ_BINARY = 0xB0;
    private static final int INS_VERIFY = 0x20;
    private static final int INS_PSO = 0x2A;

    /** What a card that gives no usable answer to the reset presents instead of an ATR. */
    private static final byte[] NO_ATR = {0x00};
    private final String cardId;
    private final CardInterface cardInterface;
    private final boolean mute;
    private final T0Transport t0 = new T0Transport();
    private volatile Consumer<CardExchange> exchangeListener = exchange -> { };
    private final List<CardApplication> applications;
    private final List<PinCounter> pins;
    private CardApplication currentApplication;
    private CardFile currentFile;

    VirtualMynaCard(String cardId, CardInterface cardInterface, List<CardApplication> applications) {
        this(cardId, cardInterface, applications, false);
    }

    private VirtualMynaCard(String cardId, CardInterface cardInterface, List<CardApplication> applications,
            boolean mute) {
        this.cardId = Objects.requireNonNull(cardId, "cardId");
        this.cardInterface = Objects.requireNonNull(cardInterface, "cardInterface");
        this.mute = mute;
        this.applications = List.copyOf(applications);
        this.pins = this.applications.stream().flatMap(app -> app.files().values().stream())
                .filter(PinFile.class::isInstance).map(file -> ((PinFile) file).pin()).toList();
    }

    /**
     * Builds the card a card file describes; for a My Number card, issues (or reuses) its credential with
     * the CA and converts its photo to JPEG 2000.
     */
    public static VirtualMynaCard create(VirtualCardFile file, SimulatorCa ca) throws CardFileException {
        if (file instanceof VirtualCardFile.MyNumberCard card) {
            try {
                CardCredential credential = ca.credentialFor(card.cardId(), card.certificate());
                byte[] photo = CardFacePhoto.fromImage(card.source(), VirtualCardFile.KEY_PHOTO, card.photo());
                return new VirtualMynaCard(card.cardId(), card.cardInterface(), MyNumberCardLayout.applications(card, credential,
                        ca.caCertificate(), photo));
            } catch (IOException | GeneralSecurityException e) {
                throw new CardFileException(card.source() + ": the simulator CA could not issue a credential for "
                        + card.cardId() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
            }
        }
        VirtualCardFile.ForeignCard foreign = (VirtualCardFile.ForeignCard) file;
        CardInterface via = foreign.cardInterface();
        return switch (foreign.kind()) {
            case UNKNOWN -> new VirtualMynaCard(file.cardId(), via, List.of());
            case JUKI -> new VirtualMynaCard(file.cardId(), via, List.of(tokenOnly(JpkiApplication.JUKI_CARD_TOKEN)));
            case SMARTPHONE -> new VirtualMynaCard(file.cardId(), via,
                    List.of(tokenOnly(JpkiApplication.SMARTPHONE_TOKEN)));
            case MUTE -> new VirtualMynaCard(file.cardId(), via, List.of(), true);
        };
    }

    /** A JPKI application holding only its token file (what identification looks at). */
    private static CardApplication tokenOnly(String token) {
        return new CardApplication("JPKI", JpkiApplication.aid(), Map.of(JpkiApplication.TOKEN_FID,
                new BinaryFile(MyNumberCardLayout.token(token), null)));
    }

    public String cardId() {
        return cardId;
    }

    /** The answer to reset of its {@link #cardInterface()}; a mute card gives a single byte no reader accepts. */
    public byte[] atr() {
        return mute ? NO_ATR.clone() : cardInterface.atr();
    }

    /** Contact T=1, contact T=0 or contactless: what the reader sees of the card. */
    public CardInterface cardInterface() {
        return cardInterface;
    }

    /**
     * Sees every command and answer from now on (header, lengths and status word only; never data). One
     * listener at a time; it runs on the transmitting thread and must be quick.
     */
    public void setExchangeListener(Consumer<CardExchange> listener) {
        this.exchangeListener = Objects.requireNonNull(listener, "listener");
    }

    /** True for a card that gives no usable answer to the reset: a reader cannot connect to it. */
    public boolean isMute() {
        return mute;
    }

    /** Power-up or reset: nothing selected, every PIN unverified; the retry counters are kept. */
    public synchronized void reset() {
        currentApplication = null;
        currentFile = null;
        pins.forEach(PinCounter::forget);
        t0.forget();
    }

    /** Tries left on the JPKI user-authentication PIN (for the simulator's control panel and tests). */
    public synchronized int authPinTriesLeft() {
        return applications.stream().filter(app -> app.hasAid(JpkiApplication.aid()))
                .map(app -> app.files().get(JpkiApplication.AUTH_PIN_FID))
                .filter(PinFile.class::isInstance).mapToInt(file -> ((PinFile) file).pin().triesLeft())
                .findFirst().orElse(0);
    }

    /** Answers one command APDU (for a T=0 card: one TPDU) with the response APDU. */
    public ResponseAPDU transmit(CommandAPDU command) {
        return new ResponseAPDU(transmit(command.getBytes()));
    }

    /**
     * Answers the command bytes as they arrive on the card's interface: a T=1 or contactless card takes a
     * whole APDU; a T=0 card takes a TPDU and answers with 61 xx / 6C xx where T=0 needs them. A malformed
     * command is answered 67 00.
     */
    public synchronized byte[] transmit(byte[] commandBytes) {
        CommandAPDU command;
        try {
            command = new CommandAPDU(commandBytes);
        } catch (IllegalArgumentException e) {
            return StatusWord.WRONG_LENGTH.toBytes();
        }
        byte[] response = cardInterface == CardInterface.CONTACT_T0
                ? t0.exchange(command, this::answer)
                : answer(command);
        int sw = ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
        exchangeListener.accept(new CardExchange(command.getCLA(), command.getINS(), command.getP1(),
                command.getP2(), commandBytes.length, response.length - 2, sw));
        return response;
    }

    private byte[] answer(CommandAPDU command) {
        int cla = command.getCLA();
        int ins = command.getINS();
        if (cla == 0x80) {
            return ins == INS_PSO ? computeSignature(command) : status(StatusWord.INS_NOT_SUPPORTED);
        }
        if (cla != 0x00) {
            return status(StatusWord.CLA_NOT_SUPPORTED);
        }
        switch (ins) {
            case INS_SELECT:
                return select(command);
            case INS_READ_BINARY:
                return readBinary(command);
            case INS_VERIFY:
                return verify(command);
            default:
                return status(StatusWord.INS_NOT_SUPPORTED);
        }
    }

    private byte[] select(CommandAPDU command) {
        byte[] data = command.getData();
        if (command.getP1() == 0x04) {
            for (CardApplication application : applications) {
                if (application.hasAid(data)) {
                    pins.forEach(PinCounter::forget);
                    currentApplication = application;
                    currentFile = null;
                    return status(StatusWord.SUCCESS);
                }
            }
            return status(StatusWord.NOT_FOUND);
        }
        if (command.getP1() != 0x02 || currentApplication == null) {
            return status(StatusWord.NOT_FOUND);
        }
        if (data.length != 2) {
            return status(StatusWord.WRONG_LENGTH);
        }
        CardFile file = currentApplication.files().get(((data[0] & 0xFF) << 8) | (data[1] & 0xFF));
        if (file == null) {
            return status(StatusWord.NOT_FOUND);
        }
        currentFile = file;
        return status(StatusWord.SUCCESS);
    }

    private byte[] readBinary(CommandAPDU command) {
        if ((command.getP1() & 0x80) != 0) {
            return status(StatusWord.INCORRECT_P1_P2);
        }
        if (!(currentFile instanceof BinaryFile file)) {
            return status(StatusWord.COMMAND_NOT_ALLOWED);
        }
        if (file.guard() != null && !file.guard().verified()) {
            return status(StatusWord.SECURITY_NOT_SATISFIED);
        }
        if (command.getNe() == 0) {
            return status(StatusWord.WRONG_LENGTH);
        }
        int offset = (command.getP1() << 8) | command.getP2();
        byte[] content = file.content();
        if (offset >= content.length) {
            return status(StatusWord.OFFSET_OUT_OF_RANGE);
        }
        int length = Math.min(command.getNe(), content.length - offset);
        return withStatus(Arrays.copyOfRange(content, offset, offset + length), StatusWord.SUCCESS);
    }

    private byte[] verify(CommandAPDU command) {
        if (command.getP1() != 0x00 || command.getP2() != 0x80) {
            return status(StatusWord.INCORRECT_P1_P2);
        }
        if (!(currentFile instanceof PinFile file)) {
            return status(StatusWord.COMMAND_NOT_ALLOWED);
        }
        byte[] attempt = command.getData();
        try {
            return status(attempt.length == 0 ? file.pin().status() : file.pin().verify(attempt));
        } finally {
            Arrays.fill(attempt, (byte) 0);
        }
    }

    private byte[] computeSignature(CommandAPDU command) {
        if (command.getP1() != 0x00 || command.getP2() != 0x80) {
            return status(StatusWord.INCORRECT_P1_P2);
        }
        if (!(currentFile instanceof KeyFile file)) {
            return status(StatusWord.COMMAND_NOT_ALLOWED);
        }
        if (!file.guard().verified()) {
            return status(StatusWord.SECURITY_NOT_SATISFIED);
        }
        int length = command.getNc();
        if (length == 0 || length > JpkiApplication.MAX_DIGEST_INFO
                || command.getNe() < JpkiApplication.SIGNATURE_LENGTH) {
            return status(StatusWord.WRONG_LENGTH);
        }
        try {
            // NONEwithRSA adds PKCS#1 v1.5 type-1 padding to the DigestInfo, exactly what the card does.
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(file.key());
            rsa.update(command.getData());
            return withStatus(rsa.sign(), StatusWord.SUCCESS);
        } catch (GeneralSecurityException e) {
            return status(new StatusWord(0x6F00));
        }
    }

    private static byte[] status(StatusWord sw) {
        return sw.toBytes();
    }

    private static byte[] withStatus(byte[] data, StatusWord sw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 2);
        out.writeBytes(data);
        out.writeBytes(sw.toBytes());
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "VirtualMynaCard[" + cardId + ", " + cardInterface.key() + "]";
    }
}
