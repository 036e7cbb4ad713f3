package jp.mynakiosk.sim.card;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.imageio.ImageIO;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/** Builds virtual cards for tests: card files and drawn photos in a temporary folder, a reused test CA. */
public final class SimCardFixture {
    /** Reused across test classes and runs so that RSA keys are generated once; never committed (target/). */
    public static final Path SHARED_CA = Path.of("target", "test-sim-ca");

    private SimCardFixture() {
    }

    public static SimulatorCa sharedCa() {
        try {
            return SimulatorCa.open(SHARED_CA);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the test CA in " + SHARED_CA, e);
        }
    }

    /** A 300x400 PNG with a face-like drawing. */
    public static Path writePhoto(Path dir, String fileName) {
        BufferedImage image = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 210, 225));
        g.fillRect(0, 0, 300, 400);
        g.setColor(new Color(225, 185, 150));
        g.fillOval(75, 80, 150, 200);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(110, 150, 20, 12);
        g.fillOval(170, 150, 20, 12);
        g.fillRect(125, 230, 50, 8);
        g.setColor(new Color(60, 40, 30));
        g.fillArc(70, 60, 160, 110, 0, 180);
        g.dispose();
        Path file = dir.resolve(fileName);
        try {
            Files.createDirectories(dir);
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes a card file; {@code lines} are its {@code key=value} lines. */
    public static Path writeCardFile(Path dir, String fileName, String... lines) {
        Path file = dir.resolve(fileName);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The lines of a valid My Number card file, photo {@code face.png} beside it. */
    public static String[] myNumberCardLines(String cardId, String pin, int triesLeft, String certificate) {
        return new String[] {
            "card.id=" + cardId,
            "kind=mynumber",
            "holder.name=山田 花子",
            "holder.address=東京都千代田区霞が関一丁目1番1号",
            "holder.birthDate=1956-03-19",
            "holder.sex=2",
            "myNumber=123456789018",
            "pin=" + pin,
            "pin.triesLeft=" + triesLeft,
            "photo=face.png",
            "certificate=" + certificate,
        };
    }

    /** Writes a My Number card file plus its photo and loads it. */
    public static VirtualCardFile myNumberCard(Path dir, String cardId, String pin, int triesLeft,
            String certificate, String... extraLines) {
        if (!Files.exists(dir.resolve("face.png"))) {
            writePhoto(dir, "face.png");
        }
        String[] base = myNumberCardLines(cardId, pin, triesLeft, certificate);
        String[] all = new String[base.length + extraLines.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extraLines, 0, all, base.length, extraLines.length);
        try {
            return VirtualCardFile.load(writeCardFile(dir, cardId + ".properties", all));
        } catch (CardFileException e) {
            throw new IllegalStateException(e);
        }
    }

    public static VirtualCardFile foreignCard(Path dir, String cardId) {
        try {
            return VirtualCardFile.load(writeCardFile(dir, cardId + ".properties", "card.id=" + cardId,
                    "kind=unknown"));
        } catch (CardFileException e) {
            throw new IllegalStateException(e);
        }
    }

    public static VirtualMynaCard card(VirtualCardFile file, SimulatorCa ca) {
        try {
            return VirtualMynaCard.create(file, ca);
        } catch (CardFileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one terminal of a fresh simulator provider over {@code slot}. */
    public static CardTerminal terminal(VirtualSlot slot) {
        try {
            return MynaSimProvider.terminalFactory(List.of(slot)).terminals().list().get(0);
        } catch (GeneralSecurityException | javax.smartcardio.CardException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TerminalFactory factory(List<VirtualSlot> slots) {
        try {
            return MynaSimProvider.terminalFactory(slots);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
