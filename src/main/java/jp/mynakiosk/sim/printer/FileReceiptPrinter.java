package jp.mynakiosk.sim.printer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import jp.mynakiosk.device.DeviceStatus;
import jp.mynakiosk.device.ReceiptPainter;
import jp.mynakiosk.device.ReceiptPrinter;

/**
 * The simulator's receipt printer: each receipt becomes a PNG file (the width of an 80 mm thermal roll at 203 dpi)
 * named {@code receipt-<time>-<n>.png} in a folder. A file appears whole or not at all.
 */
public final class FileReceiptPrinter implements ReceiptPrinter {
    public static final int WIDTH_PX = 576;
    private static final int MARGIN_PX = 16;
    private static final Logger LOG = Logger.getLogger(FileReceiptPrinter.class.getName());
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final Clock clock;
    private final ReceiptPainter painter = new ReceiptPainter(22f);
    private final AtomicInteger printed = new AtomicInteger();

    public FileReceiptPrinter(Path folder, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** ONLINE when the folder exists (or can be made) and is writable, else OFFLINE. */
    @Override
    public DeviceStatus status() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return DeviceStatus.OFFLINE;
        }
        return Files.isWritable(folder) ? DeviceStatus.ONLINE : DeviceStatus.OFFLINE;
    }

    @Override
    public boolean print(List<String> lines) {
        ReceiptPainter.checkBounds(lines);
        try {
            Files.createDirectories(folder);
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D pg = probe.createGraphics();
            int contentWidth = WIDTH_PX - 2 * MARGIN_PX;
            int height = painter.height(pg, lines, contentWidth);
            pg.dispose();
            BufferedImage image = new BufferedImage(WIDTH_PX, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH_PX, height);
            g.translate(MARGIN_PX, 0);
            painter.paint(g, lines, contentWidth, height);
            g.dispose();
            String name = "receipt-" + NAME_TIME.format(clock.instant().atZone(clock.getZone())) + "-"
                    + printed.incrementAndGet() + ".png";
            Path temp = Files.createTempFile(folder, ".receipt-", ".png.part");
            try {
                ImageIO.write(image, "png", temp.toFile());
                moveIntoPlace(temp, folder.resolve(name));
            } finally {
                Files.deleteIfExists(temp);
            }
            return true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The simulated receipt printer cannot write to " + folder + ": " + e.getMessage());
            return false;
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
    }
}
