package jp.mynakiosk.myna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TlvTest {
    @Test
    void parsesTheAttributeFileLayoutAndIgnoresPadding() throws Exception {
        byte[] name = "山田 花子".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[] {(byte) 0xDF, 0x22, (byte) name.length});
        inner.writeBytes(name);
        inner.writeBytes(new byte[] {(byte) 0xDF, 0x25, 0x01, '2'});
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {(byte) 0xFF, 0x20, (byte) 0x81, (byte) inner.size()});
        file.writeBytes(inner.toByteArray());
        file.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});

        Tlv tlv = Tlv.parseFirst(file.toByteArray());

        assertThat(tlv.tag()).isEqualTo(0xFF20);
        assertThat(tlv.children()).hasSize(2);
        assertThat(new String(tlv.requireChild(0xDF22).value(), StandardCharsets.UTF_8)).isEqualTo("山田 花子");
        assertThat(tlv.requireChild(0xDF25).value()).containsExactly('2');
        assertThat(tlv.toString()).doesNotContain("山田");
    }

    @Test
    void headerReadsTheCertificateLengthFromFourBytes() throws Exception {
        Tlv.Header header = Tlv.header(new byte[] {0x30, (byte) 0x82, 0x05, 0x10}, 0, 4);
        assertThat(header.tag()).isEqualTo(0x30);
        assertThat(header.headerLength()).isEqualTo(4);
        assertThat(header.totalLength()).isEqualTo(4 + 0x510);
        assertThat(header.constructed()).isTrue();
    }

    @Test
    void gigabyteLengthsAreRejectedBeforeAnyAllocation() {
        assertThatThrownBy(() -> Tlv.parseFirst(new byte[] {0x04, (byte) 0x84, 0x40, 0x00, 0x00, 0x00, 1}))
                .isInstanceOf(MynaProtocolException.class).hasMessageContaining("uses 4 bytes");
        assertThatThrownBy(() -> Tlv.parseFirst(new byte[] {0x04, (byte) 0x83, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, 1})).isInstanceOf(MynaProtocolException.class).hasMessageContaining("at most 65535");
        assertThatThrownBy(() -> Tlv.parseFirst(new byte[] {0x04, (byte) 0x80, 1, 0, 0}))
                .isInstanceOf(MynaProtocolException.class);
    }

    @Test
    void truncatedObjectsAreRejected() {
        assertThatThrownBy(() -> Tlv.parseFirst(new byte[] {0x04, 0x0A, 1, 2, 3}))
                .isInstanceOf(MynaProtocolException.class).hasMessageContaining("declares 10 bytes but only 3");
        assertThatThrownBy(() -> Tlv.parseFirst(new byte[] {(byte) 0xDF}))
                .isInstanceOf(MynaProtocolException.class).hasMessageContaining("multi-byte tag");
        assertThatThrownBy(() -> Tlv.parseFirst(new byte[] {0x30, (byte) 0x82, 0x01}))
                .isInstanceOf(MynaProtocolException.class).hasMessageContaining("inside the length");
        assertThatThrownBy(() -> Tlv.parseFirst(new byte[0])).isInstanceOf(MynaProtocolException.class);
        // a child running past its parent's end
        assertThatThrownBy(() -> Tlv.parseFirst(new byte[] {0x30, 0x03, 0x04, 0x05, 0x00, 0x00, 0x00, 0x00}))
                .isInstanceOf(MynaProtocolException.class);
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() {
        int levels = 1000;
        byte[] data = new byte[levels * 2];
        for (int i = 0; i < levels; i++) {
            data[2 * i] = 0x30;
            data[2 * i + 1] = (byte) Math.min(0x7F, 2 * (levels - i - 1));
        }
        byte[] deep = nested(Tlv.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Tlv.parseFirst(deep)).isInstanceOf(MynaProtocolException.class)
                .hasMessageContaining("deeper than");
        assertThatThrownBy(() -> Tlv.parseFirst(data)).isInstanceOf(MynaProtocolException.class);
    }

    @Test
    void nestingUpToTheLimitIsAccepted() throws Exception {
        Tlv tlv = Tlv.parseFirst(nested(Tlv.MAX_DEPTH));
        int depth = 1;
        while (!tlv.children().isEmpty()) {
            tlv = tlv.children().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(Tlv.MAX_DEPTH);
    }

    @Test
    void overlongTagsAreRejected() {
        assertThatThrownBy(() -> Tlv.parseFirst(new byte[] {(byte) 0xDF, (byte) 0x81, (byte) 0x82, 0x03, 0x00}))
                .isInstanceOf(MynaProtocolException.class).hasMessageContaining("longer than 3 bytes");
    }

    @Test
    void wipeClearsValues() throws Exception {
        Tlv tlv = Tlv.parseFirst(new byte[] {(byte) 0xFF, 0x20, 0x04, (byte) 0xDF, 0x22, 0x01, 'A'});
        Tlv child = tlv.children().get(0);
        tlv.wipe();
        assertThat(child.value()).containsExactly(0);
    }

    /** {@code levels} constructed SEQUENCEs, the innermost empty. */
    private static byte[] nested(int levels) {
        byte[] inner = new byte[0];
        for (int i = 0; i < levels; i++) {
            byte[] outer = Arrays.copyOf(new byte[] {0x30, (byte) inner.length}, 2 + inner.length);
            System.arraycopy(inner, 0, outer, 2, inner.length);
            inner = outer;
        }
        return inner;
    }
}
