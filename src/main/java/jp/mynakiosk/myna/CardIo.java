package jp.mynakiosk.myna;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/** Sends the protocol's commands on one channel and checks the shape of each answer. */
final class CardIo {
    /** 62 82: fewer bytes than Le, the end of the file came first. */
    private static final int END_OF_FILE_REACHED = 0x6282;
    /** 6C xx: wrong Le; xx is the length the card can give. */
    private static final int WRONG_LE = 0x6C;
    /** A tag of up to 3 bytes and a length field of up to 4. */
    private static final int MAX_HEADER = 7;
    private final CardChannel channel;

    CardIo(CardChannel channel) {
        this.channel = channel;
    }

    /**
     * Sends one command. The JDK's PC/SC channel throws IllegalArgumentException when the card's answer
     * has fewer than two bytes: that is a card that did not answer, reported as {@link CardSilentException}.
     */
    ResponseAPDU transmit(CommandAPDU command) throws CardException {
        try {
            return channel.transmit(command);
        } catch (IllegalArgumentException e) {
            throw new CardSilentException("the card answered INS " + String.format("%02X", command.getINS())
                    + " without a status word (" + e.getMessage() + ")", e);
        }
    }

    StatusWord selectApplication(byte[] aid) throws CardException {
        return StatusWord.of(transmit(Apdu.selectApplication(aid)));
    }

    /**
     * SELECT an application the card is known to have: any error answer is a protocol failure, reported with the
     * application's name (the message names the status word and the application, never card data).
     */
    void selectKnownApplication(byte[] aid, String name) throws CardException, MynaProtocolException {
        StatusWord sw = selectApplication(aid);
        if (!sw.isSuccess()) {
            throw new MynaProtocolException("SELECT " + name + " answered " + sw + " on a My Number card");
        }
    }

    /** SELECT EF; false on any error answer. */
    boolean selectApplicationFile(int fid) throws CardException {
        return StatusWord.of(transmit(Apdu.selectFile(fid))).isSuccess();
    }

    void selectFile(int fid, String application) throws CardException, MynaProtocolException {
        StatusWord sw = StatusWord.of(transmit(Apdu.selectFile(fid)));
        if (!sw.isSuccess()) {
            throw new MynaProtocolException(String.format("%s: SELECT EF %04X answered %s", application, fid, sw));
        }
    }

    /** VERIFY with PIN data; the command buffer is wiped here, the caller wipes {@code pin}. */
    StatusWord verify(byte[] pin) throws CardException, MynaProtocolException {
        byte[] command = Apdu.verify(pin);
        ByteBuffer response = ByteBuffer.allocate(Apdu.MAX_READ + 2);
        try {
            int length;
            try {
                length = channel.transmit(ByteBuffer.wrap(command), response);
            } catch (IllegalArgumentException | BufferOverflowException e) {
                // the JDK's PC/SC channel throws these when the answer does not fit the response buffer
                throw new MynaProtocolException("VERIFY answered more than " + response.capacity()
                        + " bytes; expected a status word only", e);
            }
            if (length < 2) {
                throw new CardSilentException("the card answered VERIFY with " + length + " bytes");
            }
            if (length != 2) {
                throw new MynaProtocolException("VERIFY answered " + length + " bytes; expected a status word only");
            }
            return new StatusWord(((response.get(0) & 0xFF) << 8) | (response.get(1) & 0xFF));
        } finally {
            Arrays.fill(command, (byte) 0);
        }
    }

    StatusWord verifyStatus() throws CardException {
        return StatusWord.of(transmit(Apdu.verifyStatus()));
    }

    /**
     * Selects a PIN EF and asks for its tries left with a VERIFY without data: 63 Cx reports x (also right
     * after a good VERIFY), any lock code means 0, and 90 00 (a card that says "already verified") means full.
     */
    int pinTriesLeft(int pinFid, String application) throws CardException, MynaProtocolException {
        selectFile(pinFid, application);
        StatusWord sw = verifyStatus();
        if (sw.isPinLocked()) {
            return 0;
        }
        if (sw.isTriesLeftReport()) {
            return sw.reportedTries();
        }
        if (sw.isSuccess()) {
            return PinTries.MAX;
        }
        throw new MynaProtocolException(String.format("%s: PIN %04X status query answered %s", application, pinFid,
                sw));
    }

    /** READ BINARY that must return exactly {@code length} bytes. */
    byte[] readExactly(int offset, int length, String what) throws CardException, MynaProtocolException {
        ResponseAPDU response = transmit(Apdu.readBinary(offset, length));
        StatusWord sw = StatusWord.of(response);
        if (!sw.isSuccess()) {
            throw new MynaProtocolException(what + ": READ BINARY at " + offset + " answered " + sw);
        }
        byte[] data = response.getData();
        if (data.length != length) {
            Arrays.fill(data, (byte) 0);
            throw new MynaProtocolException(
                    what + ": READ BINARY at " + offset + " returned " + data.length + " bytes; expected " + length);
        }
        return data;
    }

    /**
     * Reads a file holding one TLV object in as few commands as the card allows: the first READ BINARY asks
     * for 256 bytes (a card returns what there is when the file is shorter), the header in them gives the
     * size, and the rest follows in 256-byte chunks with an exact Le for the last one. A card that refuses the
     * long first read is asked again for {@code probe} bytes (enough for the header), as classic clients do.
     * The declared size must not exceed {@code maxSize}.
     */
    byte[] readTlvFile(int probe, int maxSize, String what) throws CardException, MynaProtocolException {
        byte[] head = readHead(probe, what);
        Tlv.Header header;
        try {
            header = Tlv.header(head, 0, head.length);
        } catch (MynaProtocolException e) {
            Arrays.fill(head, (byte) 0);
            throw new MynaProtocolException(what + ": " + e.getMessage(), e);
        }
        int total = header.totalLength();
        if (total > maxSize) {
            Arrays.fill(head, (byte) 0);
            throw new MynaProtocolException(what + " declares " + total + " bytes; at most " + maxSize + " expected");
        }
        if (total < probe) {
            Arrays.fill(head, (byte) 0);
            throw new MynaProtocolException(what + " declares only " + total + " bytes; at least " + probe + " expected");
        }
        byte[] file = Arrays.copyOf(head, total);
        int offset = Math.min(head.length, total);
        Arrays.fill(head, (byte) 0);
        while (offset < total) {
            int chunk = Math.min(Apdu.MAX_READ, total - offset);
            byte[] part = readExactly(offset, chunk, what);
            System.arraycopy(part, 0, file, offset, chunk);
            Arrays.fill(part, (byte) 0);
            offset += chunk;
        }
        return file;
    }

    /**
     * Reads, from a file holding one constructed TLV object with tag {@code outerTag}, only the direct
     * children listed in {@code wanted}: the file is read in 256-byte chunks from the start, a child that is
     * not wanted is skipped without reading what lies wholly inside it, and reading stops as soon as every
     * wanted child is complete. A real card face file keeps its name and address images before the photo;
     * they are never read. The caller wipes the returned values.
     */
    Map<Integer, byte[]> readChildren(int probe, int maxSize, String what, int outerTag, Set<Integer> wanted)
            throws CardException, MynaProtocolException {
        byte[] head = readHead(probe, what);
        byte[] file = null;
        try {
            Tlv.Header outer = Tlv.header(head, 0, head.length);
            if (outer.tag() != outerTag) {
                throw new MynaProtocolException("file has tag " + Tlv.hex(outer.tag()) + "; expected "
                        + Tlv.hex(outerTag));
            }
            int total = outer.totalLength();
            if (total > maxSize) {
                throw new MynaProtocolException("declares " + total + " bytes; at most " + maxSize + " expected");
            }
            file = new byte[total];
            int[] have = {Math.min(head.length, total)};
            System.arraycopy(head, 0, file, 0, have[0]);
            Map<Integer, byte[]> found = new HashMap<>();
            int pos = outer.headerLength();
            while (found.size() < wanted.size()) {
                if (pos >= total) {
                    throw new MynaProtocolException("no child " + missing(wanted, found.keySet()));
                }
                have[0] = Math.max(have[0], pos);
                fill(file, have, Math.min(pos + MAX_HEADER, total), what);
                Tlv.Header child = Tlv.header(file, pos, have[0] - pos);
                int childEnd = pos + child.totalLength();
                if (childEnd > total) {
                    throw new MynaProtocolException("child " + Tlv.hex(child.tag()) + " runs past the end of its "
                            + Tlv.hex(outerTag) + " object");
                }
                if (wanted.contains(child.tag()) && !found.containsKey(child.tag())) {
                    fill(file, have, childEnd, what);
                    found.put(child.tag(), Arrays.copyOfRange(file, pos + child.headerLength(), childEnd));
                }
                pos = childEnd;
            }
            return found;
        } catch (MynaProtocolException e) {
            throw new MynaProtocolException(what + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(head, (byte) 0);
            if (file != null) {
                Arrays.fill(file, (byte) 0);
            }
        }
    }

    /** Reads 256-byte chunks (the last one exact) until {@code file} holds its bytes up to {@code end}. */
    private void fill(byte[] file, int[] have, int end, String what) throws CardException, MynaProtocolException {
        while (have[0] < end) {
            int chunk = Math.min(Apdu.MAX_READ, file.length - have[0]);
            byte[] part = readExactly(have[0], chunk, what);
            System.arraycopy(part, 0, file, have[0], chunk);
            Arrays.fill(part, (byte) 0);
            have[0] += chunk;
        }
    }

    private static String missing(Set<Integer> wanted, Set<Integer> found) {
        return wanted.stream().filter(tag -> !found.contains(tag)).map(Tlv::hex).sorted()
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** The first bytes of a file: up to 256, at least {@code probe}. */
    private byte[] readHead(int probe, String what) throws CardException, MynaProtocolException {
        ResponseAPDU response = transmit(Apdu.readBinary(0, Apdu.MAX_READ));
        StatusWord sw = StatusWord.of(response);
        byte[] data = response.getData();
        boolean complete = sw.isSuccess() || sw.value() == END_OF_FILE_REACHED;
        if (complete && data.length >= probe) {
            return data;
        }
        Arrays.fill(data, (byte) 0);
        if (sw.sw1() == WRONG_LE && sw.sw2() >= probe) {
            return readExactly(0, sw.sw2(), what);
        }
        return readExactly(0, probe, what);
    }
}
