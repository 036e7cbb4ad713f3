package jp.mynakiosk.app;

import jp.mynakiosk.config.ConfigException;
import java.awt.AWTEvent;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import jp.mynakiosk.device.CardReaderListener;
import jp.mynakiosk.device.DeviceStatus;
import jp.mynakiosk.device.MediaState;
import jp.mynakiosk.device.ReceiptPrinter;
import jp.mynakiosk.face.CardPhotoDecoder;
import jp.mynakiosk.face.FaceModels;
import jp.mynakiosk.face.FaceMatcher;
import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.FaceCapture;
import jp.mynakiosk.flow.InsertCard;
import jp.mynakiosk.flow.SessionController;
import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.flow.SessionMachine;
import jp.mynakiosk.flow.SessionObserver;
import jp.mynakiosk.flow.SessionState;
import jp.mynakiosk.flow.StillThere;
import jp.mynakiosk.insurance.EligibilityService;
import jp.mynakiosk.insurance.EmbeddedEligibilityService;
import jp.mynakiosk.insurance.InsuranceSeed;
import jp.mynakiosk.insurance.InsuranceSeedException;
import jp.mynakiosk.store.DatabaseOpenException;
import jp.mynakiosk.insurance.http.RemoteEligibilityService;
import jp.mynakiosk.insurance.http.RetryPolicy;
import jp.mynakiosk.insurance.http.TlsFiles;
import jp.mynakiosk.sim.SimulatorControlPanel;
import jp.mynakiosk.sim.SimulatorWorld;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.H2FileDatabase;
import jp.mynakiosk.store.H2Journal;
import jp.mynakiosk.ui.KioskFrame;
import jp.mynakiosk.ui.PreviewSource;
import jp.mynakiosk.ui.KioskTheme;

/**
 * The composition root: builds one kiosk from its profile (databases, devices, face matcher, eligibility
 * service, session controller) and, on request, its screen. Closing it releases everything it opened.
 */
public final class Kiosk implements AutoCloseable {

    /** Japan's clock: registration dates and ages are days in Japan. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final KioskConfig config;
    private final H2FileDatabase kioskDb;
    /** Null when the eligibility service is remote (eligibility.mode=remote). */
    private final H2FileDatabase eligibilityDb;
    private final Devices devices;
    private final FaceModels faceModels;
    private final CameraPump camera;
    private final SessionJournal journal;
    private final KioskEffects effects;
    private final SessionController controller;
    private final EligibilityService eligibility;
    private final ServiceWatch serviceWatch;
    private final AtomicBoolean readerFaulted = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private KioskFrame frame;
    private SimulatorControlPanel controlPanel;
    private AWTEventListener activity;

    private Kiosk(KioskConfig config, H2FileDatabase kioskDb, H2FileDatabase eligibilityDb, Devices devices,
                  FaceModels faceModels) {
        this.config = config;
        this.kioskDb = kioskDb;
        this.eligibilityDb = eligibilityDb;
        this.devices = devices;
        this.faceModels = faceModels;
        Clock clock = Clock.system(JAPAN);
        this.camera = new CameraPump(devices.camera());
        this.journal = new SessionJournal(new H2Journal(kioskDb.dataSource()), clock);
        EligibilityService service = eligibilityDb == null ? remoteEligibility(config.eligibility())
                : new EmbeddedEligibilityService(eligibilityDb.dataSource(), devices.trustAnchor(), devices.crl(), clock);
        this.eligibility = devices.simulator().map(world -> world.network().between(service)).orElse(service);
        CardPhotoDecoder photos = new CardPhotoDecoder();
        FaceMatcher matcher = new FaceMatcher(faceModels, photos, config.face().threshold());
        this.serviceWatch = new ServiceWatch(eligibility::issueChallenge, config.eligibility().outOfServiceAfter(),
                config.eligibility().probeInterval(), journal);
        ReceiptDesk receipts = devices.printer().map(printer -> new ReceiptDesk(printer, config.kioskId(), clock))
                .orElse(null);
        this.effects = new KioskEffects(config.kioskId(), devices.reader(), camera, matcher, photos, eligibility,
                serviceWatch, receipts, journal, clock, config.face(), config.eligibility());
        this.controller = new SessionController(new SessionMachine(config.flowSettings()), effects, config.timeouts());
        controller.addObserver(journal);
        serviceWatch.attach(controller);
        controller.addObserver(this::followDevices);
    }

    /** Builds the kiosk without a screen. A bad profile, database or simulator file fails with a clear message. */
    public static Kiosk assemble(KioskConfig config) {
        H2FileDatabase kioskDb = null;
        H2FileDatabase eligibilityDb = null;
        Devices devices = null;
        try {
            try {
                kioskDb = Databases.openH2File(config.dataDir().resolve("kiosk"), Databases.KIOSK_MIGRATIONS);
                if (config.eligibility().remote().isEmpty()) {
                    eligibilityDb = Databases.openH2File(config.dataDir().resolve("eligibility"),
                            Databases.ELIGIBILITY_MIGRATIONS);
                }
            } catch (DatabaseOpenException e) {
                throw new ConfigException(config.source() + ": key data.dir: " + e.getMessage(), e);
            }
            if (eligibilityDb != null && config.eligibility().seedFile().isPresent()) {
                try {
                    new InsuranceSeed(eligibilityDb.dataSource()).load(config.eligibility().seedFile().get());
                } catch (InsuranceSeedException e) {
                    throw new ConfigException(config.source() + ": key eligibility.seed: " + e.getMessage(), e);
                }
            }
            devices = Devices.open(config);
            Kiosk kiosk = new Kiosk(config, kioskDb, eligibilityDb, devices, FaceModels.load());
            devices.reader().start(kiosk.readerListener());
            return kiosk;
        } catch (RuntimeException e) {
            closeQuietly(devices);
            closeQuietly(eligibilityDb);
            closeQuietly(kioskDb);
            throw e;
        }
    }

    /** Opens the kiosk's screen (and, on the simulator, its control panel). Call from any thread but the EDT. */
    public void showScreen() throws InterruptedException {
        onEdt(() -> {
            KioskTheme.install();
            KioskConfig.Screen screen = config.screen();
            if (screen.fullScreen() && !GraphicsEnvironment.isHeadless()) {
                frame = KioskFrame.fullScreen(GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice(),
                        config.flowSettings(), sessionPictures(), controller::submit);
            } else {
                frame = KioskFrame.windowed(new Dimension(screen.width(), screen.height()), config.flowSettings(),
                        sessionPictures(), controller::submit);
                frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
                frame.addWindowListener(new WindowAdapter() {
                    @Override
                    public void windowClosed(WindowEvent e) {
                        close();
                    }
                });
            }
            frame.show(controller.current());
            frame.open();
            controller.addObserver((from, event, to) -> SwingUtilities.invokeLater(() -> frame.show(to)));
            activity = event -> {
                int id = event.getID();
                if (id == java.awt.event.MouseEvent.MOUSE_PRESSED || id == java.awt.event.KeyEvent.KEY_PRESSED) {
                    controller.userActive();
                }
            };
            Toolkit.getDefaultToolkit().addAWTEventListener(activity, AWTEvent.MOUSE_EVENT_MASK | AWTEvent.KEY_EVENT_MASK);
            if (config.simulator().controlPanel() && devices.simulator().isPresent()) {
                controlPanel = new SimulatorControlPanel(devices.simulator().get());
                controlPanel.showBeside(frame.getBounds());
            }
        });
    }

    /** What the screens may show of the current session: the camera's newest frame and the card's photo. */
    private PreviewSource sessionPictures() {
        return new PreviewSource() {
            @Override
            public java.awt.image.BufferedImage latestFrame() {
                return camera.latestFrame();
            }

            @Override
            public java.awt.image.BufferedImage cardPhoto() {
                return effects.cardPhotoShown();
            }
        };
    }

    public SessionController controller() {
        return controller;
    }

    public KioskFrame frame() {
        return frame;
    }

    public java.util.Optional<SimulatorWorld> simulator() {
        return devices.simulator();
    }

    public EligibilityService eligibility() {
        return eligibility;
    }

    /**
     * The fleet server's client. It retries each request eligibility.attempts times with back-off from
     * eligibility.retryDelayMillis, each try bounded by eligibility.timeoutMillis.
     */
    private static EligibilityService remoteEligibility(KioskConfig.Eligibility settings) {
        KioskConfig.Remote remote = settings.remote().orElseThrow();
        try {
            return new RemoteEligibilityService(remote.url(),
                    TlsFiles.clientContext(remote.keyStore(), remote.keyStorePassword().toCharArray(), remote.serverCa()),
                    new RetryPolicy(settings.attempts(), settings.retryDelay(), settings.retryDelay().multipliedBy(8),
                            remote.timeout()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("the eligibility server's TLS files cannot be used (keys eligibility.keyStore, "
                    + "eligibility.keyStorePassword, eligibility.serverCa): " + e.getMessage(), e);
        }
    }

    public Path kioskDatabase() {
        return kioskDb.file();
    }

    /** True when nothing of the last user is held by the effect runner or the camera. */
    public boolean holdsNoPersonalData() {
        return effects.holdsNoPersonalData();
    }

    public void addObserver(SessionObserver observer) {
        controller.addObserver(observer);
    }

    private CardReaderListener readerListener() {
        return new CardReaderListener() {
            @Override
            public void mediaInserted() {
                controller.submit(new SessionEvent.CardInserted());
            }

            @Override
            public void mediaRemoved() {
                controller.submit(new SessionEvent.CardRemoved());
            }

            @Override
            public void statusChanged(DeviceStatus status) {
                if (!status.usable()) {
                    if (!readerFaulted.getAndSet(true)) {
                        journal.note("device", "card-reader:" + status, 0);
                        controller.submit(new SessionEvent.DeviceFault("card-reader"));
                    }
                } else if (readerFaulted.getAndSet(false)) {
                    journal.note("device", "card-reader:" + status, 0);
                    controller.submit(new SessionEvent.DevicesRecovered("card-reader"));
                }
            }
        };
    }

    /** A card already in the slot when the kiosk asks for one counts as inserted; the camera runs only for the face step. */
    private void followDevices(SessionState from, SessionEvent event, SessionState to) {
        if ((to instanceof InsertCard || to instanceof Attract) && devices.reader().media() == MediaState.PRESENT) {
            controller.submit(new SessionEvent.CardInserted());
        }
        boolean faceStep = to instanceof FaceCapture
                || (to instanceof StillThere still && still.interrupted() instanceof FaceCapture);
        if (from instanceof FaceCapture && !faceStep) {
            camera.stop();
        }
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (activity != null) {
            Toolkit.getDefaultToolkit().removeAWTEventListener(activity);
            activity = null;
        }
        serviceWatch.close();
        controller.close();
        camera.close();
        closeQuietly(devices);
        faceModels.close();
        if (frame != null || controlPanel != null) {
            SwingUtilities.invokeLater(() -> {
                if (controlPanel != null) {
                    controlPanel.dispose();
                }
                if (frame != null && frame.isDisplayable()) {
                    frame.dispose();
                }
            });
        }
        closeQuietly(eligibilityDb);
        closeQuietly(kioskDb);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing after a failure: the first failure is the one reported
        }
    }

    private static void onEdt(Runnable task) throws InterruptedException {
        if (SwingUtilities.isEventDispatchThread()) {
            task.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(task);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the kiosk screen could not be opened", cause);
        }
    }
}
