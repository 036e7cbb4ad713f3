package jp.mynakiosk.myna;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.mynakiosk.sim.card.VirtualMynaCard;

/**
 * A channel to the virtual card whose answers a seeded {@link Random} spoils at chosen exchanges: truncated,
 * padded, random bytes, unknown status words, huge BER lengths, TLVs nested too deep, flipped bits, no status
 * word, or no answer at all (the card pulled out, a timeout). Behaves like the JDK's PC/SC channel where the
 * card's answer does not fit the API: fewer than 2 bytes make {@code ResponseAPDU} throw
 * IllegalArgumentException, a longer answer than the ByteBuffer holds throws BufferOverflowException.
 * COMPUTE DIGITAL SIGNATURE is answered with a canned signature so that a case costs microseconds, not an
 * RSA operation.
 */
final class HostileCardChannel extends CardChannel {
    enum Spoil {
        TRUNCATE, EXTEND, STATUS_WORD, RANDOM_BYTES, HUGE_BER_LENGTH, DEEP_NESTING, BIT_FLIPS, NO_STATUS_WORD,
        REMOVED, NO_ANSWER, HUGE_ANSWER
    }

    private static final int[] INTERESTING_STATUS_WORDS = {0x9000, 0x6A82, 0x6982, 0x6983, 0x6984, 0x63C0, 0x63C1,
        0x63C2, 0x63C3, 0x63CF, 0x6300, 0x6700, 0x6B00, 0x6D00, 0x6E00, 0x6F00, 0x6100, 0x61FF, 0x6C00, 0x6C10,
        0x6282, 0x6581, 0x9100, 0x0000, 0xFFFF};
    private static final byte[] CANNED_SIGNATURE = new byte[JpkiApplication.SIGNATURE_LENGTH + 2];

    static {
        Arrays.fill(CANNED_SIGNATURE, (byte) 0x5A);
        CANNED_SIGNATURE[JpkiApplication.SIGNATURE_LENGTH] = (byte) 0x90;
        CANNED_SIGNATURE[JpkiApplication.SIGNATURE_LENGTH + 1] = 0x00;
    }

    private final VirtualMynaCard card;
    private Random random;
    private int exchange;
    private int firstSpoiled;
    private int secondSpoiled;

    HostileCardChannel(VirtualMynaCard card) {
        this.card = card;
    }

    /** A new case: the card powered up again, and the exchanges to spoil chosen. */
    void startCase(Random caseRandom, int firstSpoiledExchange, int secondSpoiledExchange) {
        card.reset();
        this.random = caseRandom;
        this.exchange = 0;
        this.firstSpoiled = firstSpoiledExchange;
        this.secondSpoiled = secondSpoiledExchange;
    }

    int exchanges() {
        return exchange;
    }

    @Override
    public Card getCard() {
        return null;
    }

    @Override
    public int getChannelNumber() {
        return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        return new ResponseAPDU(answer(command));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        if (response.remaining() < 258) {
            throw new IllegalArgumentException("Insufficient space in response buffer");
        }
        byte[] bytes = new byte[command.remaining()];
        command.get(bytes);
        byte[] answer = answer(new CommandAPDU(bytes));
        response.put(answer);
        return answer.length;
    }

    @Override
    public void close() {
        throw new IllegalStateException("Cannot close basic logical channel");
    }

    private byte[] answer(CommandAPDU command) throws CardException {
        int index = exchange++;
        byte[] genuine = command.getINS() == 0x2A ? CANNED_SIGNATURE.clone() : card.transmit(command).getBytes();
        if (index != firstSpoiled && index != secondSpoiled) {
            return genuine;
        }
        Spoil spoil = Spoil.values()[random.nextInt(Spoil.values().length)];
        return spoil(spoil, genuine);
    }

    private byte[] spoil(Spoil spoil, byte[] genuine) throws CardException {
        int dataLength = genuine.length - 2;
        switch (spoil) {
            case TRUNCATE:
                return Arrays.copyOf(genuine, random.nextInt(genuine.length));
            case EXTEND: {
                byte[] longer = Arrays.copyOf(genuine, genuine.length + 1 + random.nextInt(600));
                randomFill(longer, dataLength, longer.length - 2);
                longer[longer.length - 2] = genuine[dataLength];
                longer[longer.length - 1] = genuine[dataLength + 1];
                return longer;
            }
            case STATUS_WORD: {
                byte[] changed = genuine.clone();
                int sw = random.nextBoolean() ? INTERESTING_STATUS_WORDS[random.nextInt(INTERESTING_STATUS_WORDS.length)]
                        : random.nextInt(0x10000);
                changed[dataLength] = (byte) (sw >> 8);
                changed[dataLength + 1] = (byte) sw;
                return changed;
            }
            case RANDOM_BYTES: {
                byte[] noise = new byte[random.nextInt(300)];
                random.nextBytes(noise);
                return noise;
            }
            case HUGE_BER_LENGTH:
                return hugeLength(genuine, dataLength);
            case DEEP_NESTING:
                return deepNesting();
            case BIT_FLIPS: {
                byte[] flipped = genuine.clone();
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    int at = random.nextInt(flipped.length);
                    flipped[at] ^= (byte) (1 << random.nextInt(8));
                }
                return flipped;
            }
            case NO_STATUS_WORD:
                return random.nextBoolean() ? new byte[0] : new byte[] {(byte) 0x90};
            case REMOVED:
                throw new CardException("sun.security.smartcardio.PCSCException: SCARD_W_REMOVED_CARD");
            case NO_ANSWER:
                throw new CardException("sun.security.smartcardio.PCSCException: SCARD_E_TIMEOUT");
            case HUGE_ANSWER: {
                // a reader hands over at most 64 KiB; the host must not trust whatever it says
                byte[] big = new byte[1 + random.nextInt(0x10000)];
                random.nextBytes(big);
                big[big.length - 1] = 0x00;
                if (big.length > 1) {
                    big[big.length - 2] = (byte) 0x90;
                }
                return big;
            }
            default:
                throw new IllegalStateException(spoil.name());
        }
    }

    /** Rewrites a BER length field near the start of the data to claim up to gigabytes. */
    private byte[] hugeLength(byte[] genuine, int dataLength) {
        byte[] forged = genuine.clone();
        if (dataLength < 2) {
            return forged;
        }
        byte[][] lengths = {{(byte) 0x84, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            {(byte) 0x84, 0x40, 0x00, 0x00, 0x00}, {(byte) 0x83, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            {(byte) 0x82, (byte) 0xFF, (byte) 0xFF}, {(byte) 0x82, 0x7F, (byte) 0xFF}, {(byte) 0x81, (byte) 0xFF},
            {(byte) 0x80}, {(byte) 0x85, 1, 0, 0, 0, 0}, {(byte) 0xFF}};
        byte[] length = lengths[random.nextInt(lengths.length)];
        int at = 1 + random.nextInt(Math.min(dataLength - 1, 8));
        System.arraycopy(length, 0, forged, at, Math.min(length.length, dataLength - at));
        return forged;
    }

    /** A constructed TLV nested far deeper than any card file, every length correct. */
    private byte[] deepNesting() {
        int depth = 9 + random.nextInt(60);
        byte[] inner = {(byte) 0xDF, 0x27, 0x01, 0x00};
        for (int i = 0; i < depth; i++) {
            byte[] tag = i == depth - 1 ? new byte[] {(byte) 0xFF, 0x20} : new byte[] {0x30};
            byte[] lengthField = inner.length < 0x80 ? new byte[] {(byte) inner.length}
                    : new byte[] {(byte) 0x82, (byte) (inner.length >> 8), (byte) inner.length};
            byte[] outer = new byte[tag.length + lengthField.length + inner.length];
            System.arraycopy(tag, 0, outer, 0, tag.length);
            System.arraycopy(lengthField, 0, outer, tag.length, lengthField.length);
            System.arraycopy(inner, 0, outer, tag.length + lengthField.length, inner.length);
            inner = outer;
        }
        byte[] withStatus = Arrays.copyOf(inner, inner.length + 2);
        withStatus[inner.length] = (byte) 0x90;
        return withStatus;
    }

    private void randomFill(byte[] target, int from, int to) {
        for (int i = from; i < to; i++) {
            target[i] = (byte) random.nextInt(256);
        }
    }
}
