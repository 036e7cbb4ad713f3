package jp.mynakiosk.sim.card;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a virtual card presents itself to the reader (card-file key {@code interface}): its answer to reset and
 * its transmission protocol. The APDU engine is the same; a T=0 card also answers as ISO 7816-3/-4 T=0 cards
 * do (61 xx for data that waits for GET RESPONSE, 6C xx for a wrong Le), see {@link T0Transport}.
 */
public enum CardInterface {
    /** Contact reader, T=1: {@code 3B 80 01 81} (TD1 announces T=1; TCK), no historical bytes. */
    CONTACT_T1("contact-t1", "T=1", new byte[] {0x3B, (byte) 0x80, 0x01, (byte) 0x81}),
    /** Contact reader, T=0 only: {@code 3B 00}, no interface bytes, so T=0 is the only protocol (ISO 7816-3). */
    CONTACT_T0("contact-t0", "T=0", new byte[] {0x3B, 0x00}),
    /**
     * Contactless ISO 14443-4 Type B (My Number cards are Type B), as a PC/SC reader maps it (PC/SC Part 3):
     * {@code 3B 88 80 01}, 8 historical bytes (ATQB application data 00 00 00 00, protocol info 91 81 81:
     * 212 kbit/s, 256-byte frames, ISO 14443-4; MBLI 0), TCK. The ATQB bytes of a real card are not confirmed.
     */
    CONTACTLESS("contactless", "T=1", withTck(new byte[] {0x3B, (byte) 0x88, (byte) 0x80, 0x01,
        0x00, 0x00, 0x00, 0x00, (byte) 0x91, (byte) 0x81, (byte) 0x81, 0x00}));

    /** What a card file without the key gets. */
    public static final CardInterface DEFAULT = CONTACT_T1;

    private final String key;
    private final String protocol;
    private final byte[] atr;

    CardInterface(String key, String protocol, byte[] atr) {
        this.key = key;
        this.protocol = protocol;
        this.atr = atr;
    }

    /** The value in a card file. */
    public String key() {
        return key;
    }

    /** What {@code Card.getProtocol()} answers: "T=0" or "T=1". */
    public String protocol() {
        return protocol;
    }

    public byte[] atr() {
        return atr.clone();
    }

    public static Optional<CardInterface> ofKey(String key) {
        return Arrays.stream(values()).filter(value -> value.key.equals(key)).findFirst();
    }

    /** The card-file values, for messages: "contact-t1, contact-t0 or contactless". */
    static String keys() {
        return CONTACT_T1.key + ", " + CONTACT_T0.key + " or " + CONTACTLESS.key;
    }

    /** TCK: the XOR of every byte after TS, so that the XOR of T0..TCK is zero. */
    private static byte[] withTck(byte[] withoutTck) {
        byte[] atr = Arrays.copyOf(withoutTck, withoutTck.length + 1);
        byte tck = 0;
        for (int i = 1; i < withoutTck.length; i++) {
            tck ^= withoutTck[i];
        }
        atr[atr.length - 1] = tck;
        return atr;
    }
}
