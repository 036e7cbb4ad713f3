package jp.mynakiosk.ui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.ConfirmHolder;
import jp.mynakiosk.flow.ConsentChoices;
import jp.mynakiosk.flow.ConsentTopic;
import jp.mynakiosk.flow.Consents;
import jp.mynakiosk.flow.Done;
import jp.mynakiosk.flow.EndReason;
import jp.mynakiosk.flow.EnterPin;
import jp.mynakiosk.flow.FaceCapture;
import jp.mynakiosk.flow.FaceHint;
import jp.mynakiosk.flow.FaceNotice;
import jp.mynakiosk.flow.FacePolicy;
import jp.mynakiosk.flow.FlowSettings;
import jp.mynakiosk.flow.HolderSummary;
import jp.mynakiosk.flow.InsertCard;
import jp.mynakiosk.flow.LinkResult;
import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.Linking;
import jp.mynakiosk.flow.LookingUp;
import jp.mynakiosk.flow.ReceiptOffer;
import jp.mynakiosk.flow.Registration;
import jp.mynakiosk.flow.RegistrationStatus;
import jp.mynakiosk.flow.Menu;
import jp.mynakiosk.flow.OutOfService;
import jp.mynakiosk.flow.ReadingCard;
import jp.mynakiosk.flow.SessionState;
import jp.mynakiosk.flow.StillThere;
import jp.mynakiosk.flow.TakeCard;
import jp.mynakiosk.flow.Terms;
import jp.mynakiosk.flow.VerifyingPin;

/**
 * Renders every screen, with representative data, in every language into PNG files, by painting the frame's
 * content pane into an image (no screen capture, so it works under Xvfb). For QA and for reviewing the look.
 *
 * <p>Usage: {@code java -cp ... jp.mynakiosk.ui.ScreenGallery <output-dir> [width height]} (default 1280 800).
 */
public final class ScreenGallery {

    /** One screen to render: a file-name stem and the state it shows. */
    public record Sample(String name, SessionState state) {
    }

    /** A face check setting with three attempts, so the notices say "2 tries left". */
    public static final FlowSettings SETTINGS = new FlowSettings(3, FacePolicy.CALL_ATTENDANT);

    private ScreenGallery() {
    }

    public static void main(String[] args) throws InterruptedException, InvocationTargetException {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: ScreenGallery <output-dir> [width height]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Dimension size = args.length == 3
                ? new Dimension(Integer.parseInt(args[1]), Integer.parseInt(args[2]))
                : new Dimension(Look.DESIGN_WIDTH, Look.DESIGN_HEIGHT);
        List<Path> written = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            KioskTheme.install();
            written.addAll(render(dir, size));
        });
        written.forEach(System.out::println);
        System.out.println(written.size() + " screens written to " + dir.toAbsolutePath());
    }

    /** Renders {@link #samples()} in every {@link Language}; call on the event dispatch thread. */
    public static List<Path> render(Path dir, Dimension size) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the gallery folder " + dir, e);
        }
        KioskFrame frame = KioskFrame.windowed(size, SETTINGS, sampleCamera(), event -> { });
        List<Path> written = new ArrayList<>();
        try {
            List<Sample> samples = samples();
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                for (Language language : Language.values()) {
                    frame.show(sample.state());
                    if (frame.language() != language) {
                        frame.switchLanguage();
                    }
                    Path file = dir.resolve(String.format(Locale.ROOT, "%02d-%s-%s.png", i + 1, sample.name(),
                            language.locale().getLanguage()));
                    write(paint(frame), file);
                    written.add(file);
                }
            }
        } finally {
            frame.dispose();
        }
        return written;
    }

    /** Every state, and the variants that look different. */
    private static final String INSURER = "全国健康保険協会 東京支部";
    private static final Journey REGISTER = Journey.REGISTER_INSURANCE_USE;

    public static List<Sample> samples() {
        HolderSummary holder = new HolderSummary("山田 花子", LocalDate.of(1956, 3, 19));
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample("Attract", new Attract()));
        samples.add(new Sample("Menu", new Menu()));
        samples.add(new Sample("Terms", new Terms(REGISTER)));
        samples.add(new Sample("InsertCard", new InsertCard(REGISTER)));
        samples.add(new Sample("ReadingCard", new ReadingCard(REGISTER)));
        samples.add(new Sample("EnterPin-3tries", new EnterPin(REGISTER, 3, false)));
        samples.add(new Sample("EnterPin-wrong", new EnterPin(REGISTER, 2, true)));
        samples.add(new Sample("EnterPin-lastTry", new EnterPin(REGISTER, 1, true)));
        samples.add(new Sample("VerifyingPin", new VerifyingPin(REGISTER, 3)));
        samples.add(new Sample("FaceCapture-checking", new FaceCapture(REGISTER, holder, true, 0, FaceNotice.NONE, true)));
        for (FaceHint hint : FaceHint.values()) {
            if (hint != FaceHint.NONE) {
                samples.add(new Sample("FaceCapture-hint-" + hint.name(),
                        new FaceCapture(REGISTER, holder, true, 0, FaceNotice.NONE, true, hint)));
            }
        }
        for (FaceNotice notice : FaceNotice.values()) {
            if (notice != FaceNotice.NONE) {
                samples.add(new Sample("FaceCapture-" + notice.name(),
                        new FaceCapture(REGISTER, holder, true, 1, notice, false)));
            }
        }
        samples.add(new Sample("ConfirmHolder", new ConfirmHolder(REGISTER, holder, true)));
        samples.add(new Sample("Consents-unanswered", new Consents(REGISTER, INSURER, ConsentChoices.unanswered(true))));
        samples.add(new Sample("Consents-partial", new Consents(REGISTER, INSURER, ConsentChoices.unanswered(true)
                .answer(ConsentTopic.TREATMENT_AND_MEDICATION, true))));
        samples.add(new Sample("Consents-complete", new Consents(REGISTER, INSURER, ConsentChoices.unanswered(true)
                .answer(ConsentTopic.TREATMENT_AND_MEDICATION, true).answer(ConsentTopic.HEALTH_CHECKUPS, false))));
        samples.add(new Sample("Consents-noCheckups", new Consents(REGISTER, INSURER, ConsentChoices.unanswered(false))));
        samples.add(new Sample("Consents-change", new Consents(Journey.CHANGE_CONSENTS, INSURER,
                new ConsentChoices(true, false, true))));
        samples.add(new Sample("LookingUp", new LookingUp(REGISTER, true)));
        samples.add(new Sample("RegistrationStatus-registered", new RegistrationStatus(INSURER,
                new Registration(LocalDate.of(2024, 5, 7), true, false))));
        samples.add(new Sample("RegistrationStatus-notRegistered", new RegistrationStatus(INSURER, null)));
        ConsentChoices chosen = new ConsentChoices(true, false, true);
        samples.add(new Sample("Linking", new Linking(REGISTER, chosen)));
        samples.add(new Sample("Linking-saving", new Linking(Journey.CHANGE_CONSENTS, chosen)));
        LocalDate today = LocalDate.of(2026, 11, 25);
        samples.add(new Sample("Done-registered",
                new Done(LinkResult.REGISTERED, INSURER, today, chosen, ReceiptOffer.OFFERED)));
        samples.add(new Sample("Done-registered-noPrinter",
                new Done(LinkResult.REGISTERED, INSURER, today, chosen, ReceiptOffer.NONE)));
        samples.add(new Sample("Done-receiptPrinting",
                new Done(LinkResult.REGISTERED, INSURER, today, chosen, ReceiptOffer.PRINTING)));
        samples.add(new Sample("Done-receiptPrinted",
                new Done(LinkResult.REGISTERED, INSURER, today, chosen, ReceiptOffer.PRINTED)));
        samples.add(new Sample("Done-receiptFailed",
                new Done(LinkResult.REGISTERED, INSURER, today, chosen, ReceiptOffer.FAILED)));
        samples.add(new Sample("Done-changed",
                new Done(LinkResult.CONSENTS_CHANGED, INSURER, today, chosen, ReceiptOffer.OFFERED)));
        samples.add(new Sample("Done-already",
                new Done(LinkResult.ALREADY_REGISTERED, INSURER, LocalDate.of(2024, 5, 7), chosen, ReceiptOffer.OFFERED)));
        for (EndReason reason : EndReason.values()) {
            samples.add(new Sample("TakeCard-" + reason.name(), new TakeCard(reason, false)));
        }
        samples.add(new Sample("TakeCard-FINISHED-escalated", new TakeCard(EndReason.FINISHED, true)));
        samples.add(new Sample("TakeCard-PIN_LOCKED-escalated", new TakeCard(EndReason.PIN_LOCKED, true)));
        samples.add(new Sample("StillThere", new StillThere(new EnterPin(REGISTER, 3, false))));
        samples.add(new Sample("OutOfService", new OutOfService("card-reader")));
        return samples;
    }

    static BufferedImage paint(KioskFrame frame) {
        JComponent content = (JComponent) frame.getContentPane();
        // Wrapped text areas learn their width in the first layout and their height in the second.
        content.validate();
        invalidateTree(content);
        content.validate();
        BufferedImage image = new BufferedImage(content.getWidth(), content.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            content.printAll(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void invalidateTree(Container container) {
        container.invalidate();
        for (Component child : container.getComponents()) {
            if (child instanceof Container inner) {
                invalidateTree(inner);
            }
        }
    }

    private static void write(BufferedImage image, Path file) {
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + file, e);
        }
    }

    /** A drawn stand-in for a camera frame: a head and shoulders, so the preview and its guide can be judged. */
    static PreviewSource sampleCamera() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0xC9D6E3), 0, 480, new Color(0x8FA3B8)));
            g.fillRect(0, 0, 640, 480);
            g.setColor(new Color(0x34495E));
            g.fillOval(170, 370, 300, 260);
            g.setColor(new Color(0xE8C4A6));
            g.fillRect(295, 300, 50, 90);
            g.fillOval(235, 110, 170, 220);
            g.setColor(new Color(0x3B2A20));
            g.fillArc(230, 95, 180, 120, 0, 180);
            g.fillOval(278, 200, 18, 12);
            g.fillOval(344, 200, 18, 12);
            g.setColor(new Color(0xA0522D));
            g.drawArc(290, 255, 60, 30, 200, 140);
        } finally {
            g.dispose();
        }
        BufferedImage card = image.getSubimage(170, 60, 300, 400);
        return new PreviewSource() {
            @Override
            public BufferedImage latestFrame() {
                return image;
            }

            @Override
            public BufferedImage cardPhoto() {
                return card;
            }
        };
    }
}
