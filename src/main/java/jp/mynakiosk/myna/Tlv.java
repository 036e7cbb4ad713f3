package jp.mynakiosk.myna;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One BER-TLV object as stored on the card: tag, value, and (for constructed tags) its children.
 * The parser checks every length against the bytes actually present before it copies anything, caps
 * tag and length fields, and refuses nesting deeper than {@link #MAX_DEPTH}.
 */
public record Tlv(int tag, byte[] value, List<Tlv> children) {
    public static final int MAX_DEPTH = 8;
    /** The card's files are far below this; a larger declared length is malformed, not big. */
    public static final int MAX_LENGTH = 0xFFFF;

    /** Takes {@code value} as is (the parser hands over its only copy, so personal data is not duplicated). */
    public Tlv {
        children = List.copyOf(children);
    }

    /** The start of a TLV object: its tag, how many bytes tag and length take, and the declared value length. */
    public record Header(int tag, int headerLength, int valueLength) {
        public int totalLength() {
            return headerLength + valueLength;
        }

        public boolean constructed() {
            int firstByte = tag > 0xFFFF ? tag >> 16 : tag > 0xFF ? tag >> 8 : tag;
            return (firstByte & 0x20) != 0;
        }
    }

    /** Reads a TLV header at {@code offset}, looking at no more than {@code limit} bytes. */
    public static Header header(byte[] data, int offset, int limit) throws MynaProtocolException {
        int end = boundedEnd(data, offset, limit);
        int pos = offset;
        if (pos >= end) {
            throw new MynaProtocolException("TLV truncated: no tag byte at offset " + offset);
        }
        int tag = data[pos++] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            int more = 0;
            int next;
            do {
                if (pos >= end) {
                    throw new MynaProtocolException("TLV truncated inside a multi-byte tag at offset " + offset);
                }
                if (++more > 2) {
                    throw new MynaProtocolException("TLV tag longer than 3 bytes at offset " + offset);
                }
                next = data[pos++] & 0xFF;
                tag = (tag << 8) | next;
            } while ((next & 0x80) != 0);
        }
        if (pos >= end) {
            throw new MynaProtocolException("TLV truncated: no length byte for tag " + hex(tag));
        }
        int first = data[pos++] & 0xFF;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 3) {
                throw new MynaProtocolException(
                        "TLV length field of tag " + hex(tag) + " uses " + count + " bytes; expected 1 to 3");
            }
            if (end - pos < count) {
                throw new MynaProtocolException("TLV truncated inside the length of tag " + hex(tag));
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[pos++] & 0xFF);
            }
        }
        if (length > MAX_LENGTH) {
            throw new MynaProtocolException(
                    "TLV tag " + hex(tag) + " declares " + length + " bytes; at most " + MAX_LENGTH + " expected");
        }
        return new Header(tag, pos - offset, length);
    }

    /**
     * Parses the first TLV object in {@code data}; whatever follows it (a card file's FF padding) is
     * ignored.
     */
    public static Tlv parseFirst(byte[] data) throws MynaProtocolException {
        return parseAt(data, 0, data.length, 0);
    }

    /** Parses consecutive TLV objects filling {@code data}, stopping at trailing 00/FF padding. */
    public static List<Tlv> parseAll(byte[] data) throws MynaProtocolException {
        return parseSequence(data, 0, data.length, 0);
    }

    /** The first direct child with this tag. */
    public Optional<Tlv> child(int childTag) {
        return children.stream().filter(c -> c.tag == childTag).findFirst();
    }

    /** The first direct child with this tag, or a protocol error naming what was expected. */
    public Tlv requireChild(int childTag) throws MynaProtocolException {
        Optional<Tlv> found = child(childTag);
        if (found.isEmpty()) {
            throw new MynaProtocolException("TLV " + hex(tag) + " has no child " + hex(childTag));
        }
        return found.get();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Overwrites the value bytes (and the children's) so that personal data does not linger. */
    public void wipe() {
        Arrays.fill(value, (byte) 0);
        children.forEach(Tlv::wipe);
    }

    @Override
    public String toString() {
        return "Tlv[tag=" + hex(tag) + ", length=" + value.length + ", children=" + children.size() + "]";
    }

    public static String hex(int tag) {
        return String.format("%02X", tag);
    }

    private static Tlv parseAt(byte[] data, int offset, int limit, int depth) throws MynaProtocolException {
        return build(data, offset, limit, header(data, offset, limit), depth);
    }

    private static Tlv build(byte[] data, int offset, int limit, Header header, int depth)
            throws MynaProtocolException {
        if (depth >= MAX_DEPTH) {
            throw new MynaProtocolException("TLV nested deeper than " + MAX_DEPTH + " levels");
        }
        int available = limit - header.headerLength();
        if (header.valueLength() > available) {
            throw new MynaProtocolException("TLV tag " + hex(header.tag()) + " declares " + header.valueLength()
                    + " bytes but only " + available + " follow");
        }
        int valueStart = offset + header.headerLength();
        List<Tlv> children = header.constructed()
                ? parseSequence(data, valueStart, header.valueLength(), depth + 1)
                : List.of();
        byte[] value = Arrays.copyOfRange(data, valueStart, valueStart + header.valueLength());
        return new Tlv(header.tag(), value, children);
    }

    private static List<Tlv> parseSequence(byte[] data, int offset, int length, int depth)
            throws MynaProtocolException {
        int end = boundedEnd(data, offset, length);
        List<Tlv> result = new ArrayList<>();
        int pos = offset;
        while (pos < end && !onlyPadding(data, pos, end)) {
            Header header = header(data, pos, end - pos);
            result.add(build(data, pos, end - pos, header, depth));
            pos += header.totalLength();
        }
        return result;
    }

    private static boolean onlyPadding(byte[] data, int from, int end) {
        byte pad = data[from];
        if (pad != 0 && pad != (byte) 0xFF) {
            return false;
        }
        for (int i = from; i < end; i++) {
            if (data[i] != pad) {
                return false;
            }
        }
        return true;
    }

    private static int boundedEnd(byte[] data, int offset, int limit) {
        if (offset < 0 || limit < 0 || offset > data.length || limit > data.length - offset) {
            throw new IllegalArgumentException(
                    "range " + offset + "+" + limit + " outside a buffer of " + data.length + " bytes");
        }
        return offset + limit;
    }
}
