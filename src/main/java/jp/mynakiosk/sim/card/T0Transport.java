package jp.mynakiosk.sim.card;

import java.util.Arrays;
import java.util.function.Function;
import javax.smartcardio.CommandAPDU;
import jp.mynakiosk.myna.StatusWord;

/**
 * The card side of T=0 (ISO 7816-3 §10, ISO 7816-4 §5.1.3) around the card's APDU engine. A T=0 command
 * carries a single length byte P3, so a command with data (case 3, or case 4 whose Le the reader drops)
 * cannot say how much it expects back: the card keeps its answer and says {@code 61 xx}, and the reader
 * fetches it with GET RESPONSE {@code C0} and Le = xx. A command without data (case 2) gives Le in P3:
 * when the card has another length to give it says {@code 6C xx} and the reader sends the command again
 * with Le = xx. Not thread-safe: the card serialises its commands.
 */
final class T0Transport {
    static final int INS_GET_RESPONSE = 0xC0;
    /** 61 xx: xx more bytes are waiting (00: 256 or more). */
    private static final int SW1_BYTES_AVAILABLE = 0x61;
    /** 6C xx: wrong Le; xx is the exact length available. */
    private static final int SW1_WRONG_LE = 0x6C;
    /** ISO's maximum short Ne; what a case-3 command is processed with, since T=0 cannot carry its Le. */
    private static final int SHORT_NE = 256;
    /** 69 85: GET RESPONSE with nothing waiting. */
    private static final StatusWord NOTHING_WAITING = new StatusWord(0x6985);

    private byte[] waiting;

    /** Answers one TPDU; {@code engine} answers a whole APDU (data and status word). */
    byte[] exchange(CommandAPDU command, Function<CommandAPDU, byte[]> engine) {
        if (command.getINS() == INS_GET_RESPONSE && (command.getCLA() == 0x00 || command.getCLA() == 0x80)) {
            // the JDK's PC/SC channel sends GET RESPONSE with the CLA of the command it follows (80 for the signature)
            return getResponse(command);
        }
        forget();
        if (command.getNc() > 0) {
            byte[] answer = engine.apply(new CommandAPDU(command.getCLA(), command.getINS(), command.getP1(),
                    command.getP2(), command.getData(), SHORT_NE));
            if (answer.length <= 2 || !isSuccess(answer)) {
                return answer;
            }
            waiting = Arrays.copyOf(answer, answer.length - 2);
            Arrays.fill(answer, (byte) 0);
            return bytesAvailable(waiting.length);
        }
        if (command.getNe() > 0) {
            byte[] answer = engine.apply(command);
            int dataLength = answer.length - 2;
            if (dataLength <= 0 || dataLength == command.getNe()) {
                return answer;
            }
            Arrays.fill(answer, (byte) 0);
            if (dataLength < command.getNe()) {
                return new byte[] {(byte) SW1_WRONG_LE, (byte) dataLength};
            }
            waiting = Arrays.copyOf(answer, dataLength);
            return nextPart(command.getNe());
        }
        return engine.apply(command);
    }

    /** Power-up or reset: nothing waits. */
    void forget() {
        if (waiting != null) {
            Arrays.fill(waiting, (byte) 0);
            waiting = null;
        }
    }

    private byte[] getResponse(CommandAPDU command) {
        if (command.getP1() != 0x00 || command.getP2() != 0x00) {
            forget();
            return StatusWord.INCORRECT_P1_P2.toBytes();
        }
        if (waiting == null) {
            return NOTHING_WAITING.toBytes();
        }
        int le = command.getNe();
        if (le == 0) {
            forget();
            return StatusWord.WRONG_LENGTH.toBytes();
        }
        if (le > waiting.length) {
            return new byte[] {(byte) SW1_WRONG_LE, (byte) waiting.length};
        }
        return nextPart(le);
    }

    /** Gives the first {@code length} waiting bytes with 90 00, or 61 xx while more wait. */
    private byte[] nextPart(int length) {
        byte[] part = Arrays.copyOf(waiting, length + 2);
        byte[] rest = Arrays.copyOfRange(waiting, length, waiting.length);
        forget();
        byte[] sw;
        if (rest.length == 0) {
            sw = StatusWord.SUCCESS.toBytes();
        } else {
            waiting = rest;
            sw = bytesAvailable(rest.length);
        }
        part[length] = sw[0];
        part[length + 1] = sw[1];
        return part;
    }

    private static byte[] bytesAvailable(int length) {
        return new byte[] {(byte) SW1_BYTES_AVAILABLE, (byte) Math.min(length, SHORT_NE)};
    }

    private static boolean isSuccess(byte[] answer) {
        return answer[answer.length - 2] == (byte) 0x90 && answer[answer.length - 1] == 0x00;
    }
}
