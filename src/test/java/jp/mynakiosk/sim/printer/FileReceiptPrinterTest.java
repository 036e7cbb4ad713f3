package jp.mynakiosk.sim.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import jp.mynakiosk.device.DeviceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReceiptPrinterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:05:00Z"), ZoneId.of("Asia/Tokyo"));

    @Test
    void eachReceiptIsAPngWithTheLinesOnIt(@TempDir Path dir) throws IOException {
        FileReceiptPrinter printer = new FileReceiptPrinter(dir.resolve("receipts"), CLOCK);

        assertThat(printer.status()).isEqualTo(DeviceStatus.ONLINE);
        assertThat(printer.print(List.of("マイナ保険証 受付控え", "結果: 登録しました"))).isTrue();
        assertThat(printer.print(List.of("one", "two", "three", "four", "five", "six"))).isTrue();

        List<Path> files = files(dir.resolve("receipts"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("receipt-20261125-100500-1.png", "receipt-20261125-100500-2.png");
        BufferedImage first = ImageIO.read(files.get(0).toFile());
        BufferedImage second = ImageIO.read(files.get(1).toFile());
        assertThat(first.getWidth()).isEqualTo(FileReceiptPrinter.WIDTH_PX);
        assertThat(second.getHeight()).isGreaterThan(first.getHeight());
        assertThat(darkPixels(first)).as("text is drawn").isGreaterThan(100);
    }

    @Test
    void aFolderThatCannotBeMadeIsOfflineAndPrintsNothing(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        FileReceiptPrinter printer = new FileReceiptPrinter(file.resolve("receipts"), CLOCK);

        assertThat(printer.status()).isEqualTo(DeviceStatus.OFFLINE);
        assertThat(printer.print(List.of("hello"))).isFalse();
    }

    @Test
    void tooManyLinesAreRefusedBeforeDrawing(@TempDir Path dir) throws IOException {
        FileReceiptPrinter printer = new FileReceiptPrinter(dir, CLOCK);

        assertThatThrownBy(() -> printer.print(Collections.nCopies(201, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 200 lines");
        assertThat(files(dir)).isEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    static int darkPixels(BufferedImage image) {
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
