package jp.mynakiosk.myna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/** How files are read: as few READ BINARY as the card allows, and nothing the kiosk does not need. */
class CardFileReadingTest {
    private static final byte[] PHOTO = filled(3000, 0x11);

    /** A card face laid out as on a real card: the name and address images come before the photo. */
    private static byte[] realCardFace() {
        byte[] inner = concat(tlv(0xDF21, new byte[20]), tlv(0xDF22, "19560319".getBytes()), tlv(0xDF23, new byte[] {'2'}),
                tlv(0xDF24, filled(270, 0x22)), tlv(0xDF25, filled(5000, 0x33)), tlv(0xDF26, filled(6000, 0x44)),
                tlv(0xDF27, PHOTO), tlv(0xDF28, filled(256, 0x55)), tlv(0xDF29, "20301231".getBytes()));
        byte[] face = tlv(0xFF20, inner);
        byte[] padded = Arrays.copyOf(face, face.length + 700);
        Arrays.fill(padded, face.length, padded.length, (byte) 0xFF);
        return padded;
    }

    @Test
    void onlyTheWantedChildIsReadAndTheImagesBeforeItAreSkipped() throws Exception {
        FileCard card = new FileCard(realCardFace(), true);
        Map<Integer, byte[]> children = new CardIo(card).readChildren(5, 0x8000, "card face", 0xFF20,
                Set.of(0xDF27));
        assertThat(children.get(0xDF27)).isEqualTo(PHOTO);
        // the 5,000 + 6,000 bytes of images are skipped: one read for each child header, then the photo
        int bytesAsked = card.reads.stream().mapToInt(r -> Integer.parseInt(r.substring(r.indexOf('+') + 1))).sum();
        assertThat(bytesAsked).isLessThanOrEqualTo(PHOTO.length + 5 * 256);
        assertThat(card.reads).hasSizeLessThanOrEqualTo(17).startsWith("0+256");
    }

    @Test
    void aLongFileIsReadIn256ByteChunksWithAnExactLastOne() throws Exception {
        byte[] file = tlv(0xFF20, concat(tlv(0xDF22, "name".getBytes()), tlv(0xDF23, filled(600, 0x20))));
        FileCard card = new FileCard(Arrays.copyOf(file, file.length + 300), true);
        assertThat(new CardIo(card).readTlvFile(5, 4096, "attributes")).isEqualTo(file);
        assertThat(card.reads).containsExactly("0+256", "256+256", "512+" + (file.length - 512));
    }

    @Test
    void aCardThatRefusesALeBeyondTheEndIsAskedForTheHeaderFirst() throws Exception {
        byte[] file = tlv(0xFF20, concat(tlv(0xDF22, "name".getBytes()), tlv(0xDF23, filled(100, 0x20))));
        FileCard card = new FileCard(file, false);
        assertThat(new CardIo(card).readTlvFile(5, 4096, "attributes")).isEqualTo(file);
        assertThat(card.reads).containsExactly("0+256", "0+5", "5+" + (file.length - 5));
    }

    @Test
    void aChildRunningPastItsParentIsMalformed() {
        byte[] file = tlv(0xFF20, tlv(0xDF27, PHOTO));
        file[8] = (byte) 0x7F; // the length of DF27 (82 LL LL at 7..9) now claims more than FF20 holds
        assertThatThrownBy(() -> new CardIo(new FileCard(file, true)).readChildren(5, 0x8000, "card face", 0xFF20,
                Set.of(0xDF27))).isInstanceOf(MynaProtocolException.class).hasMessageContaining("runs past the end");
    }

    /** A card with one transparent file: READ BINARY at any offset; optionally it refuses Le beyond the end. */
    private static final class FileCard extends CardChannel {
        final List<String> reads = new ArrayList<>();
        private final byte[] file;
        private final boolean lenient;

        FileCard(byte[] file, boolean lenient) {
            this.file = file;
            this.lenient = lenient;
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU command) {
            int offset = (command.getP1() << 8) | command.getP2();
            int asked = command.getNe();
            reads.add(offset + "+" + asked);
            if (offset >= file.length) {
                return new ResponseAPDU(new byte[] {0x6B, 0x00});
            }
            if (!lenient && offset + asked > file.length) {
                return new ResponseAPDU(new byte[] {0x67, 0x00});
            }
            int length = Math.min(asked, file.length - offset);
            return new ResponseAPDU(concat(Arrays.copyOfRange(file, offset, offset + length),
                    new byte[] {(byte) 0x90, 0x00}));
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
        public int transmit(ByteBuffer command, ByteBuffer response) {
            throw new IllegalStateException("not used here");
        }

        @Override
        public void close() {
            throw new IllegalStateException("basic channel");
        }
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (tag > 0xFF) {
            out.write(tag >> 8);
        }
        out.write(tag);
        if (value.length < 0x80) {
            out.write(value.length);
        } else if (value.length <= 0xFF) {
            out.write(0x81);
            out.write(value.length);
        } else {
            out.write(0x82);
            out.write(value.length >> 8);
            out.write(value.length);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
