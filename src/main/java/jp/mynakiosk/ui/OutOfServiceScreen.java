package jp.mynakiosk.ui;

import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.OutOfService;

/** Out of service: an apology and where to go, never which device failed or why. */
final class OutOfServiceScreen implements KioskScreen {

    private final JPanel root;

    OutOfServiceScreen(ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(OutOfService.class, look);
        Column.centered(root, look)
                .add(Widgets.paragraph(context.text("outOfService.headline"), look.hero(), Palette.INK,
                        look.px(1100), true), 0)
                .add(Widgets.paragraph(context.text("outOfService.explain"), look.body(), Palette.INK,
                        look.px(1000), true), 28);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
