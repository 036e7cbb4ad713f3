package jp.mynakiosk.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GraphicsDevice;
import java.awt.GridBagLayout;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Objects;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.FlowSettings;
import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.flow.SessionState;

/**
 * The kiosk window. Every screen has the same frame: a top bar (step title, progress, language toggle), the
 * screen body, and a bottom bar with Cancel where the state allows it. {@link #show(SessionState)} rebuilds
 * the body from the snapshot; screens are never cached, so nothing of a previous user survives a return to
 * {@link Attract}.
 */
public final class KioskFrame extends JFrame {

    private final GraphicsDevice device;
    private final Rectangle screenBounds;
    private final Look look;
    private final FlowSettings settings;
    private final PreviewSource preview;
    private final Consumer<SessionEvent> intents;

    private final JPanel topBar = new JPanel(new BorderLayout());
    private final JPanel body = new JPanel(new BorderLayout());
    private final JPanel bottomBar = new JPanel(new BorderLayout());

    private Language language = Language.JAPANESE;
    private SessionState current = new Attract();
    private KioskScreen screen;

    private KioskFrame(GraphicsDevice device, Rectangle screenBounds, FlowSettings settings, PreviewSource preview,
                       Consumer<SessionEvent> intents) {
        super("Myna Kiosk", device == null ? null : device.getDefaultConfiguration());
        requireEdt("KioskFrame must be built");
        this.device = device;
        this.screenBounds = screenBounds;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.preview = Objects.requireNonNull(preview, "preview");
        this.intents = Objects.requireNonNull(intents, "intents");
        this.look = Look.forScreen(screenBounds.getSize(), KioskTheme.fontFamily());
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        JPanel content = new JPanel(new BorderLayout());
        content.setBackground(Palette.BACKGROUND);
        body.setBackground(Palette.BACKGROUND);
        content.add(topBar, BorderLayout.NORTH);
        content.add(body, BorderLayout.CENTER);
        content.add(bottomBar, BorderLayout.SOUTH);
        content.setPreferredSize(screenBounds.getSize());
        setContentPane(content);
        // Physical keys (the PIN pad's) reach the root pane's bindings only through a focused component: when
        // the window itself gets focus back, hand it to the screen.
        addWindowFocusListener(new WindowAdapter() {
            @Override
            public void windowGainedFocus(WindowEvent event) {
                if (screen != null && screen.root().isFocusable()) {
                    screen.root().requestFocusInWindow();
                }
            }
        });
        render();
    }

    /**
     * The kiosk as it runs in the store: undecorated, covering the whole of {@code device}. Call
     * {@link #open()} to show it.
     */
    public static KioskFrame fullScreen(GraphicsDevice device, FlowSettings settings, PreviewSource preview,
                                        Consumer<SessionEvent> intents) {
        KioskFrame frame = new KioskFrame(device, device.getDefaultConfiguration().getBounds(), settings, preview,
                intents);
        frame.setUndecorated(true);
        return frame;
    }

    /** A normal window whose content is exactly {@code size}, for development, tests and screenshots. */
    public static KioskFrame windowed(Dimension size, FlowSettings settings, PreviewSource preview,
                                      Consumer<SessionEvent> intents) {
        KioskFrame frame = new KioskFrame(null, new Rectangle(size), settings, preview, intents);
        frame.setResizable(false);
        frame.pack();
        return frame;
    }

    /** Shows the frame: full screen where the device supports it, else undecorated over the screen bounds. */
    public void open() {
        requireEdt("KioskFrame.open must be called");
        if (device != null && device.isFullScreenSupported()) {
            device.setFullScreenWindow(this);
        } else {
            if (device != null) {
                setBounds(screenBounds);
                setExtendedState(MAXIMIZED_BOTH);
            }
            setVisible(true);
        }
    }

    /**
     * Shows the screen for {@code state}, built afresh from the snapshot. Must be called on the event dispatch
     * thread. Entering {@link Attract} from another state (a new user) switches back to Japanese.
     */
    public void show(SessionState state) {
        requireEdt("KioskFrame.show must be called");
        Objects.requireNonNull(state, "state");
        if (state instanceof Attract && !(current instanceof Attract)) {
            language = Language.JAPANESE;
        }
        current = state;
        render();
    }

    public SessionState currentState() {
        return current;
    }

    public Language language() {
        return language;
    }

    /** Switches the language and shows the current state again in it. */
    public void switchLanguage() {
        requireEdt("KioskFrame.switchLanguage must be called");
        language = language.other();
        render();
    }

    public Look look() {
        return look;
    }

    private void render() {
        if (screen != null) {
            screen.removed(getRootPane());
            screen = null;
        }
        body.removeAll();
        Messages messages = Messages.of(language);
        ScreenContext context = new ScreenContext(messages, look, intents, settings, preview);
        ScreenChrome chrome = ScreenChrome.of(current);
        KioskScreen next = Screens.create(current, context);
        buildTopBar(messages, chrome);
        buildBottomBar(messages, chrome);
        body.add(next.root(), BorderLayout.CENTER);
        screen = next;
        getContentPane().revalidate();
        getContentPane().repaint();
        next.shown(getRootPane());
    }

    private void buildTopBar(Messages messages, ScreenChrome chrome) {
        topBar.removeAll();
        topBar.setBackground(Palette.BAR);
        topBar.setBorder(BorderFactory.createEmptyBorder(look.px(8), look.px(28), look.px(8), look.px(20)));
        topBar.setPreferredSize(new Dimension(10, look.px(100)));

        JPanel left = Widgets.clear(null);
        left.setLayout(new BoxLayout(left, BoxLayout.Y_AXIS));
        JLabel title = Widgets.line(messages.text(chrome.titleKey()), look.title(), Palette.BAR_INK);
        title.setName(ComponentNames.COMMON_TITLE);
        left.add(Box.createVerticalGlue());
        left.add(title);
        if (chrome.step() > 0) {
            JPanel progress = Widgets.clear(new FlowLayout(FlowLayout.LEADING, 0, 0));
            JLabel step = Widgets.line(messages.format("common.step", chrome.step(), ScreenChrome.STEPS),
                    look.small(), Palette.BAR_INK);
            step.setName(ComponentNames.COMMON_STEP);
            step.setBorder(BorderFactory.createEmptyBorder(0, 0, 0, look.px(16)));
            progress.add(step);
            progress.add(new StepDots(chrome.step(), ScreenChrome.STEPS, look, Palette.BAR_INK));
            progress.setAlignmentX(0f);
            left.add(progress);
        }
        title.setAlignmentX(0f);
        left.add(Box.createVerticalGlue());
        topBar.add(left, BorderLayout.CENTER);

        JButton toggle = Widgets.button(languageLabel(messages), ComponentNames.COMMON_LANGUAGE, look,
                this::switchLanguage, Color.WHITE, Palette.PRIMARY, Palette.SURFACE);
        toggle.setFont(look.font(Font.BOLD, 30));
        toggle.setPreferredSize(new Dimension(look.px(340), look.px(80)));
        // The bar is 100 design px tall, less 2 × 8 px border: 84 px of room for an 80 px toggle at any scale.
        JPanel right = Widgets.clear(new GridBagLayout());
        right.add(toggle);
        topBar.add(right, BorderLayout.EAST);
    }

    /** Both names always, the one in use underlined: a user who cannot read the screen still finds theirs. */
    private static String languageLabel(Messages messages) {
        String japanese = Widgets.escape(messages.text("common.language.ja"));
        String english = Widgets.escape(messages.text("common.language.en"));
        if (messages.language() == Language.JAPANESE) {
            return "<html><nobr><u>" + japanese + "</u> / " + english + "</nobr></html>";
        }
        return "<html><nobr>" + japanese + " / <u>" + english + "</u></nobr></html>";
    }

    private void buildBottomBar(Messages messages, ScreenChrome chrome) {
        bottomBar.removeAll();
        bottomBar.setBackground(Palette.SURFACE);
        bottomBar.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(Math.max(1, look.px(2)), 0, 0, 0, Palette.LINE),
                BorderFactory.createEmptyBorder(look.px(8), look.px(28), look.px(8), look.px(28))));
        bottomBar.setPreferredSize(new Dimension(10, look.px(112)));
        if (chrome.cancellable()) {
            JButton cancel = Widgets.secondary(messages.text("common.cancel"), ComponentNames.COMMON_CANCEL, look,
                    () -> intents.accept(new SessionEvent.Cancelled()));
            cancel.setPreferredSize(new Dimension(Math.max(cancel.getPreferredSize().width, look.px(240)), look.px(88)));
            JPanel left = Widgets.clear(new GridBagLayout());
            left.add(cancel);
            bottomBar.add(left, BorderLayout.WEST);
        }
        bottomBar.revalidate();
    }

    private static void requireEdt(String what) {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException(what + " on the event dispatch thread");
        }
    }
}
