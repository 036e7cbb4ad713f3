package jp.mynakiosk.device.javaxprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.print.PageFormat;
import java.awt.print.Paper;
import java.awt.print.Printable;
import java.util.List;
import jp.mynakiosk.device.DeviceStatus;
import org.junit.jupiter.api.Test;

class JavaxPrintReceiptPrinterTest {
    @Test
    void aPrinterThatDoesNotExistIsNoDeviceAndPrintsNothing() {
        JavaxPrintReceiptPrinter printer = new JavaxPrintReceiptPrinter("no-such-printer-" + System.nanoTime());

        assertThat(printer.status()).isEqualTo(DeviceStatus.NO_DEVICE);
        assertThat(printer.print(List.of("hello"))).isFalse();
    }

    @Test
    void theReceiptIsOnePageDrawnInTheImageableArea() throws Exception {
        Printable page = new JavaxPrintReceiptPrinter("any").printable(List.of("マイナ保険証 受付控え", "結果: 登録しました"));
        Paper paper = new Paper();
        paper.setSize(226, 400); // 80 mm wide at 72 dpi
        paper.setImageableArea(10, 10, 206, 380);
        PageFormat format = new PageFormat();
        format.setPaper(paper);
        BufferedImage image = new BufferedImage(226, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();

        assertThat(page.print(g, format, 0)).isEqualTo(Printable.PAGE_EXISTS);
        assertThat(page.print(g, format, 1)).isEqualTo(Printable.NO_SUCH_PAGE);
        g.dispose();
        assertThat(image.getRGB(5, 5) & 0xFFFFFF).as("the margin is left alone").isZero();
        assertThat(darkPixels(image)).isGreaterThan(50);
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
