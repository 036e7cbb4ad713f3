package jp.mynakiosk.app;

import jp.mynakiosk.config.Profile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import jp.mynakiosk.face.LivenessMode;
import jp.mynakiosk.flow.FacePolicy;
import jp.mynakiosk.flow.FlowSettings;
import jp.mynakiosk.flow.Timeouts;

/** The whole kiosk profile as one typed value, read from a file in {@code kiosk-config/}. */
public record KioskConfig(
        Path source,
        String kioskId,
        Hardware hardware,
        Screen screen,
        RealDevices realDevices,
        Simulator simulator,
        Path dataDir,
        Eligibility eligibility,
        Face face,
        Receipts receipts,
        Timeouts timeouts) {

    /** The shortest face.captureMillis that leaves a willing person time for the head-turn challenge. */
    public static final Duration MIN_CHALLENGE_CAPTURE = Duration.ofMillis(8000);

    public enum Hardware { SIM, REAL }

    public record Screen(boolean fullScreen, int width, int height) { }

    /** For {@code hardware=real}: which PC/SC reader (a part of its name, empty for the first) and camera. */
    public record RealDevices(String readerName, int cameraIndex) { }

    /**
     * For {@code hardware=sim}: where the simulated world's files are, what it starts with, and how the kiosk
     * reaches the virtual card (in-process, or through pcscd and vsmartcard's vpcd reader).
     */
    public record Simulator(Path cardsDir, Path facesDir, Path caDir, String startCameraImage, boolean controlPanel,
                            SimCardReader cardReader) { }

    /** {@code sim.cardReader}: inprocess (the simulator's own smartcardio provider) or vpcd (real PC/SC). */
    public enum SimCardReader { INPROCESS, VPCD }

    /**
     * The eligibility service: embedded on H2 (seeded from a file in the simulator), or {@code remote} (a fleet
     * server) when {@code eligibility.mode=remote}.
     */
    public record Eligibility(Optional<Path> seedFile, Optional<Path> trustAnchor, Optional<Path> crl,
                              int attempts, Duration retryDelay, int outOfServiceAfter, Duration probeInterval,
                              Optional<Remote> remote) { }

    /**
     * The optional receipt printer: none; PNG files under data.dir/receipts (the simulator's printer); or a real
     * printer through javax.print, the first whose name contains {@code printerName} (empty: the default printer).
     */
    public record Receipts(ReceiptKind kind, String printerName) { }

    public enum ReceiptKind { NONE, FILE, PRINTER }

    public enum EligibilityMode { EMBEDDED, REMOTE }

    /** The fleet server and this kiosk's TLS credentials (PKCS#12 key store, the server's CA). */
    public record Remote(URI url, Path keyStore, String keyStorePassword, Path serverCa, Duration timeout) {
        @Override
        public String toString() {
            return "Remote[" + url + ", keyStore=" + keyStore + ", serverCa=" + serverCa + ", timeout=" + timeout + "]";
        }
    }

    public record Face(double threshold, int attempts, FacePolicy afterLastFailure, Duration captureTime,
                       LivenessMode liveness) { }

    public FlowSettings flowSettings() {
        return new FlowSettings(face.attempts(), face.afterLastFailure(), receipts.kind() != ReceiptKind.NONE);
    }

    public static KioskConfig load(Path file) {
        Profile p = Profile.load(file);
        String kioskId = p.requiredText("kiosk.id");
        if (!kioskId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw p.error("kiosk.id", kioskId, "1 to 64 letters, digits, '.', '_' or '-'");
        }
        Hardware hardware = p.choice("hardware", Hardware.class, Hardware.SIM);
        Screen screen = new Screen(
                p.flag("screen.fullScreen", true),
                p.integer("screen.width", 1280, 640, 7680),
                p.integer("screen.height", 800, 480, 4320));
        RealDevices real = new RealDevices(
                p.text("reader.name", ""),
                p.integer("camera.index", 0, 0, 63));
        Simulator sim = new Simulator(
                p.path("sim.cardsDir", "hardware-sim/cards"),
                p.path("sim.facesDir", "hardware-sim/faces"),
                p.path("sim.caDir", "var/sim-ca"),
                p.text("sim.camera", "astronaut.png"),
                p.flag("sim.controlPanel", true),
                p.choice("sim.cardReader", SimCardReader.class, SimCardReader.INPROCESS));
        Path dataDir = p.path("data.dir", "var");
        String seed = p.text("eligibility.seed", "");
        String anchor = p.text("eligibility.trustAnchor", "");
        String crl = p.text("eligibility.crl", "");
        EligibilityMode mode = p.choice("eligibility.mode", EligibilityMode.class, EligibilityMode.EMBEDDED);
        Optional<Remote> remote = Optional.empty();
        if (mode == EligibilityMode.EMBEDDED) {
            // Known keys, unused while embedded: a profile may keep them for switching back to remote.
            for (String key : new String[] {"eligibility.url", "eligibility.keyStore", "eligibility.keyStorePassword",
                    "eligibility.serverCa", "eligibility.timeoutMillis"}) {
                p.text(key, "");
            }
        } else {
            String url = p.requiredText("eligibility.url");
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw p.error("eligibility.url", url, "the fleet server's https:// URL");
            }
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw p.error("eligibility.url", url, "the fleet server's https:// URL");
            }
            remote = Optional.of(new Remote(uri,
                    p.path("eligibility.keyStore", null),
                    p.requiredText("eligibility.keyStorePassword"),
                    p.path("eligibility.serverCa", null),
                    Duration.ofMillis(p.integer("eligibility.timeoutMillis", 5000, 100, 120_000))));
        }
        Eligibility eligibility = new Eligibility(
                seed.isEmpty() ? Optional.empty() : Optional.of(p.path("eligibility.seed", null)),
                anchor.isEmpty() ? Optional.empty() : Optional.of(p.path("eligibility.trustAnchor", null)),
                crl.isEmpty() ? Optional.empty() : Optional.of(p.path("eligibility.crl", null)),
                p.integer("eligibility.attempts", 3, 1, 10),
                Duration.ofMillis(p.integer("eligibility.retryDelayMillis", 500, 0, 60_000)),
                p.integer("eligibility.outOfServiceAfter", 3, 1, 100),
                Duration.ofSeconds(p.integer("eligibility.probeSeconds", 30, 1, 3600)),
                remote);
        if (hardware == Hardware.REAL && remote.isEmpty() && eligibility.trustAnchor().isEmpty()) {
            throw p.error("eligibility.trustAnchor", "", "the JPKI CA certificate file (PEM or DER) when hardware=real");
        }
        Face face = new Face(
                p.decimal("face.threshold", jp.mynakiosk.face.FaceMatcher.DEFAULT_THRESHOLD, 0.0, 1.0),
                p.integer("face.attempts", 3, 1, 10),
                p.choice("face.afterLastFailure", FacePolicy.class, FacePolicy.PIN_ONLY),
                Duration.ofMillis(p.integer("face.captureMillis", 4000, 200, 60_000)),
                p.choice("face.liveness", LivenessMode.class, LivenessMode.MOTION));
        if (face.liveness() == LivenessMode.CHALLENGE && face.captureTime().compareTo(MIN_CHALLENGE_CAPTURE) < 0) {
            // Three turns, each asked, made and held, take a willing person about 2.6 s at best.
            throw p.error("face.captureMillis", Long.toString(face.captureTime().toMillis()),
                    "at least " + MIN_CHALLENGE_CAPTURE.toMillis() + " with face.liveness=challenge");
        }
        Receipts receipts = new Receipts(p.choice("receipt", ReceiptKind.class, ReceiptKind.NONE),
                p.text("receipt.printerName", ""));
        Timeouts timeouts = new Timeouts(
                Duration.ofSeconds(p.integer("timeout.idleSeconds", 60, 1, 3600)),
                Duration.ofSeconds(p.integer("timeout.promptSeconds", 20, 1, 600)),
                Duration.ofSeconds(p.integer("timeout.takeCardSeconds", 30, 1, 600)));
        p.rejectUnknownKeys();
        return new KioskConfig(file, kioskId, hardware, screen, real, sim, dataDir, eligibility, face, receipts, timeouts);
    }

    public KioskConfig withDataDir(Path dir) {
        return new KioskConfig(source, kioskId, hardware, screen, realDevices, simulator, dir, eligibility, face, receipts,
                timeouts);
    }

    public KioskConfig withScreen(Screen s) {
        return new KioskConfig(source, kioskId, hardware, s, realDevices, simulator, dataDir, eligibility, face, receipts,
                timeouts);
    }
}
