package jp.mynakiosk.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.SessionEvent;

/** Idle: what this kiosk does, and "touch the screen to start". The whole body is one button. */
final class AttractScreen implements KioskScreen {

    private final JPanel root;

    AttractScreen(ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(Attract.class, look);
        root.setLayout(new BorderLayout());

        JButton start = Widgets.button("", ComponentNames.ATTRACT_START, look,
                () -> context.send(new SessionEvent.Touched()), Palette.SURFACE, Palette.PRIMARY, Palette.SURFACE);
        start.setText(null);
        start.getAccessibleContext().setAccessibleName(context.text("attract.touchToStart"));
        Column.centered(wrap(start), look)
                .add(Widgets.paragraph(context.text("attract.what"), look.headline(), Palette.INK,
                        look.px(1000), true), 0)
                .add(new CardIllustration(look, CardIllustration.Motion.INTO_READER, 240), 20)
                .add(Widgets.paragraph(context.text("attract.touchToStart"), look.hero(), Palette.PRIMARY,
                        look.px(1000), true), 20)
                .add(Widgets.paragraph(context.text("attract.needs"), look.body(), Palette.MUTED_INK,
                        look.px(1000), true), 16);
        root.add(start, BorderLayout.CENTER);
    }

    /** The button itself holds the content, so a touch anywhere on it starts. */
    private static JPanel wrap(JButton button) {
        JPanel content = Widgets.clear(null);
        button.setLayout(new BorderLayout());
        button.add(content, BorderLayout.CENTER);
        content.setBackground(new Color(0, 0, 0, 0));
        return content;
    }

    @Override
    public JComponent root() {
        return root;
    }
}
