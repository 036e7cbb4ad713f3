package jp.mynakiosk.sim.vpcd;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.mynakiosk.myna.CardFaceApplication;
import jp.mynakiosk.myna.CardInfoApplication;
import jp.mynakiosk.myna.JpkiApplication;

/**
 * Wraps a channel and books every APDU, and the host time up to its answer, to a phase of the card journey
 * (by the application and file it addresses); also records every READ BINARY to find wasted reads.
 */
final class PhaseChannel extends CardChannel {
    enum Phase { IDENTIFY, CERTIFICATE, PIN, CARD_INFO, PHOTO, SIGN }

    /** One READ BINARY: which file, where, how much asked, how much returned. */
    record Read(String file, int offset, int asked, int returned) {
    }

    private final CardChannel real;
    private final Map<Phase, Integer> apdus = new EnumMap<>(Phase.class);
    private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);
    private final List<Read> reads = new ArrayList<>();
    private String application = "none";
    private int file = -1;
    private Phase lastPhase = Phase.IDENTIFY;
    private long mark;

    PhaseChannel(CardChannel real) {
        this.real = real;
        reset();
    }

    void reset() {
        for (Phase phase : Phase.values()) {
            apdus.put(phase, 0);
            nanos.put(phase, 0L);
        }
        reads.clear();
        lastPhase = Phase.IDENTIFY;
        application = "none";
        file = -1;
        mark = System.nanoTime();
    }

    /** Call right before a session call starts: host time before it is nobody's. */
    void startCall() {
        mark = System.nanoTime();
    }

    /** Call right after a session call returned: the host time after its last APDU belongs to that APDU's phase. */
    void endCall() {
        long now = System.nanoTime();
        nanos.merge(lastPhase, now - mark, Long::sum);
        mark = now;
    }

    Map<Phase, Integer> apdus() {
        return new EnumMap<>(apdus);
    }

    Map<Phase, Long> nanos() {
        return new EnumMap<>(nanos);
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }

    /** READs that asked for the same bytes of the same file twice. */
    List<Read> repeatedReads() {
        Set<String> seen = new HashSet<>();
        List<Read> repeated = new ArrayList<>();
        for (Read read : reads) {
            if (!seen.add(read.file() + "@" + read.offset())) {
                repeated.add(read);
            }
        }
        return repeated;
    }

    @Override
    public Card getCard() {
        return real.getCard();
    }

    @Override
    public int getChannelNumber() {
        return real.getChannelNumber();
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        Phase phase = classify(command);
        ResponseAPDU response = real.transmit(command);
        book(phase);
        if (command.getINS() == 0xB0) {
            reads.add(new Read(application + "/" + String.format("%04X", file),
                    (command.getP1() << 8) | command.getP2(), command.getNe(), response.getData().length));
        }
        return response;
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        byte[] bytes = new byte[command.remaining()];
        command.duplicate().get(bytes);
        Phase phase = classify(new CommandAPDU(bytes));
        Arrays.fill(bytes, (byte) 0);
        int length = real.transmit(command, response);
        book(phase);
        return length;
    }

    @Override
    public void close() throws CardException {
        real.close();
    }

    private void book(Phase phase) {
        long now = System.nanoTime();
        apdus.merge(phase, 1, Integer::sum);
        nanos.merge(phase, now - mark, Long::sum);
        mark = now;
        lastPhase = phase;
    }

    /** By the application and file addressed; the PIN phase covers the tries-left query and both VERIFYs. */
    private Phase classify(CommandAPDU command) {
        if (command.getINS() == 0xA4 && command.getP1() == 0x04) {
            byte[] aid = command.getData();
            application = Arrays.equals(aid, JpkiApplication.aid()) ? "JPKI"
                    : Arrays.equals(aid, CardInfoApplication.aid()) ? "Kenhojo"
                    : Arrays.equals(aid, CardFaceApplication.aid()) ? "Kenmen" : "other";
            file = -1;
            return switch (application) {
                case "Kenhojo" -> Phase.CARD_INFO;
                case "Kenmen" -> Phase.PHOTO;
                // JPKI is selected to identify the card, then again for the PIN checks
                default -> lastPhase == Phase.IDENTIFY ? Phase.IDENTIFY : Phase.PIN;
            };
        }
        if (command.getINS() == 0xA4 && command.getP1() == 0x02) {
            byte[] fid = command.getData();
            file = ((fid[0] & 0xFF) << 8) | (fid[1] & 0xFF);
        }
        return switch (application) {
            case "Kenhojo" -> Phase.CARD_INFO;
            case "Kenmen" -> Phase.PHOTO;
            case "JPKI" -> switch (file) {
                case JpkiApplication.AUTH_CERTIFICATE_FID -> Phase.CERTIFICATE;
                case JpkiApplication.AUTH_PIN_FID -> Phase.PIN;
                case JpkiApplication.AUTH_KEY_FID -> Phase.SIGN;
                default -> Phase.IDENTIFY;
            };
            default -> Phase.IDENTIFY;
        };
    }
}
