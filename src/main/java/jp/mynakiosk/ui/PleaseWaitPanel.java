package jp.mynakiosk.ui;

import javax.swing.JPanel;

/** The body of the waiting screens: what is happening, the animation, and "do not remove your card". */
final class PleaseWaitPanel {

    private PleaseWaitPanel() {
    }

    static JPanel build(Class<?> stateType, String what, ScreenContext context) {
        Look look = context.look();
        JPanel root = Widgets.screenRoot(stateType, look);
        WrappedText keep = Widgets.paragraph(context.text("common.doNotRemoveCard"), look.bodyBold(),
                Palette.WARNING_INK, look.px(860), true);
        Widgets.boxed(keep, look, Palette.WARNING_SURFACE, Palette.WARNING_LINE);
        Column.centered(root, look)
                .add(Widgets.paragraph(what, look.headline(), Palette.INK, look.px(1000), true), 0)
                .add(new BusyIndicator(look, Palette.PRIMARY), 28)
                .add(Widgets.line(context.text("common.pleaseWait"), look.body(), Palette.MUTED_INK), 20)
                .add(keep, 32);
        return root;
    }
}
