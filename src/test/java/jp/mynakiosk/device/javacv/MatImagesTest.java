package jp.mynakiosk.device.javacv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.awt.image.BufferedImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class MatImagesTest {

    @Test
    void pixelsSurviveTheRoundTripWhateverTheImageType() {
        BufferedImage source = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                source.setRGB(x, y, (x * 30) << 16 | (y * 40) << 8 | (x + y) * 10);
            }
        }
        try (Mat mat = MatImages.toBgrMat(source)) {
            assertThat(mat.type()).isEqualTo(CV_8UC3);
            assertThat(mat.cols()).isEqualTo(7);
            assertThat(mat.rows()).isEqualTo(5);
            BufferedImage back = MatImages.toBufferedImage(mat);
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 7; x++) {
                    assertThat(back.getRGB(x, y) & 0xFFFFFF).isEqualTo(source.getRGB(x, y) & 0xFFFFFF);
                }
            }
        }
    }

    @Test
    void subImagesAreCopiedFromTheirOwnOrigin() {
        BufferedImage big = new BufferedImage(10, 10, BufferedImage.TYPE_3BYTE_BGR);
        big.setRGB(5, 5, 0x123456);
        BufferedImage sub = big.getSubimage(5, 5, 3, 3);
        try (Mat mat = MatImages.toBgrMat(sub)) {
            assertThat(MatImages.toBufferedImage(mat).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x123456);
        }
    }

    @Test
    void greyMatricesBecomeGreyPixels() {
        try (Mat grey = new Mat(2, 3, CV_8UC1, new Scalar(200))) {
            assertThat(MatImages.toBufferedImage(grey).getRGB(2, 1) & 0xFFFFFF).isEqualTo(0xC8C8C8);
        }
    }
}
