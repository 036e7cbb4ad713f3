package jp.mynakiosk.ui;

import java.awt.Dimension;
import java.awt.Font;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.flow.StillThere;

/**
 * "Are you still there?" with one big Continue. It is a screen of its own rather than an overlay, so that the
 * interrupted screen (which may hold a half-typed PIN) is gone while nobody is watching.
 */
final class StillThereScreen implements KioskScreen {

    private final JPanel root;

    StillThereScreen(ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(StillThere.class, look);
        JButton proceed = Widgets.primary(context.text("stillThere.continue"), ComponentNames.STILL_THERE_CONTINUE,
                look, () -> context.send(new SessionEvent.StillHere()));
        proceed.setPreferredSize(new Dimension(look.px(560), look.px(130)));
        proceed.setFont(look.font(Font.BOLD, 44));
        Column.centered(root, look)
                .add(Widgets.paragraph(context.text("stillThere.question"), look.hero(), Palette.INK,
                        look.px(1100), true), 0)
                .add(Widgets.paragraph(context.text("stillThere.explain"), look.body(), Palette.INK,
                        look.px(1000), true), 24)
                .add(proceed, 40);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
