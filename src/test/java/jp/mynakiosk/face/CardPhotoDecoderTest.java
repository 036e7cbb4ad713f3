package jp.mynakiosk.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CardPhotoDecoderTest {
    private final CardPhotoDecoder decoder = new CardPhotoDecoder();

    @Test
    void jpeg2000CardPhotoDecodesToItsSize() throws IOException {
        BufferedImage card = ImageIO.read(FaceMatcherTest.FACES.resolve("astronaut-card.png").toFile());
        byte[] jp2 = Jpeg2000.encode(card, 50);
        assertThat(jp2.length).as("a lossy card photo of a few kilobytes").isBetween(2_000, 30_000);
        assertThat(PhotoHeader.read(jp2)).isEqualTo(new PhotoHeader.Valid("JP2", 240, 300));

        DecodedPhoto decoded = decoder.decode(jp2);

        assertThat(decoded).isInstanceOf(DecodedPhoto.Readable.class);
        BufferedImage image = ((DecodedPhoto.Readable) decoded).image();
        assertThat(image.getWidth()).isEqualTo(240);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(decoded.toString()).contains("redacted");
    }

    @Test
    void rawJpeg2000CodestreamIsReadToo() throws IOException {
        BufferedImage card = ImageIO.read(FaceMatcherTest.FACES.resolve("person-b-card.png").toFile());
        byte[] codestream = codestreamOf(Jpeg2000.encode(card, 50));
        assertThat(PhotoHeader.read(codestream)).isEqualTo(new PhotoHeader.Valid("JPEG 2000 codestream", 240, 300));

        DecodedPhoto decoded = decoder.decode(codestream);

        assertThat(decoded).isInstanceOf(DecodedPhoto.Readable.class);
        assertThat(((DecodedPhoto.Readable) decoded).image().getHeight()).isEqualTo(300);
        assertThat(decoder.decode(Arrays.copyOf(codestream, 42))).isInstanceOf(DecodedPhoto.Unreadable.class);
        assertThat(decoder.decode(Arrays.copyOf(codestream, 200))).isInstanceOf(DecodedPhoto.Unreadable.class);
    }

    @Test
    void unknownBytesNameWhatWasExpected() {
        DecodedPhoto decoded = decoder.decode("GIF89a........".getBytes());
        assertThat(decoded).isEqualTo(new DecodedPhoto.Unreadable(
                "card photo: not a JPEG 2000, JPEG or PNG image (unknown signature)"));
    }

    @Test
    void hugeDeclaredSizeIsRefusedBeforeDecoding() {
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                0, png, 0, 16);
        ByteBuffer.wrap(png, 16, 8).putInt(100_000).putInt(100_000);

        DecodedPhoto decoded = decoder.decode(png);

        assertThat(decoded).isInstanceOf(DecodedPhoto.Unreadable.class);
        assertThat(((DecodedPhoto.Unreadable) decoded).reason()).contains("PNG: size 100000x100000");
    }

    @Test
    void jp2BoxLengthsAreBounded() throws IOException {
        BufferedImage card = ImageIO.read(FaceMatcherTest.FACES.resolve("astronaut-card.png").toFile());
        byte[] jp2 = Jpeg2000.encode(card, 50);
        ByteBuffer.wrap(jp2, 12, 4).putInt(0x7FFF_FFF0); // the 'ftyp' box claims 2 GB

        assertThat(PhotoHeader.read(jp2)).isInstanceOf(PhotoHeader.Invalid.class);
        assertThat(((PhotoHeader.Invalid) PhotoHeader.read(jp2)).reason()).contains("JP2 box 1: length 2147483632");
        assertThat(PhotoHeader.read(Arrays.copyOf(jp2, 20))).isInstanceOf(PhotoHeader.Invalid.class);
    }

    @Test
    void truncatedJpegHeaderIsInvalid() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F'};
        assertThat(PhotoHeader.read(jpeg)).isInstanceOf(PhotoHeader.Invalid.class);
        assertThat(decoder.decode(jpeg)).isInstanceOf(DecodedPhoto.Unreadable.class);
    }

    @Test
    void tooManyBytesAreRefusedWithTheLimit() {
        DecodedPhoto decoded = decoder.decode(new byte[CardPhotoDecoder.MAX_BYTES + 1]);
        assertThat(((DecodedPhoto.Unreadable) decoded).reason()).contains("at most " + CardPhotoDecoder.MAX_BYTES);
    }

    /** The content of the JP2 file's 'jp2c' box. */
    private static byte[] codestreamOf(byte[] jp2) {
        ByteBuffer in = ByteBuffer.wrap(jp2);
        while (in.remaining() >= 8) {
            int start = in.position();
            int length = in.getInt();
            int type = in.getInt();
            if (type == 0x6A703263) {
                int end = length == 0 ? jp2.length : start + length;
                return Arrays.copyOfRange(jp2, start + 8, end);
            }
            in.position(start + length);
        }
        throw new AssertionError("no codestream box");
    }
}
