package jp.mynakiosk.ui;

import java.awt.BorderLayout;
import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.InsertCard;

/** A drawing of the card going onto the reader, and how to place it. */
final class InsertCardScreen implements KioskScreen {

    private final JPanel root;

    InsertCardScreen(ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(InsertCard.class, look);
        root.setLayout(new BorderLayout(look.px(40), 0));
        root.add(new CardIllustration(look, CardIllustration.Motion.INTO_READER), BorderLayout.WEST);
        JPanel text = Widgets.clear(null);
        Column.leading(text, look)
                .add(Widgets.paragraph(context.text("insertCard.headline"), look.headline(), Palette.INK,
                        look.px(680), false), 0)
                .add(Widgets.paragraph(context.text("insertCard.how"), look.body(), Palette.INK,
                        look.px(680), false), 24)
                .add(Widgets.paragraph(context.text("insertCard.keep"), look.bodyBold(), Palette.MUTED_INK,
                        look.px(680), false), 24);
        root.add(text, BorderLayout.CENTER);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
