package jp.mynakiosk.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.EndReason;
import jp.mynakiosk.flow.TakeCard;

/**
 * "Please take your card", why the session ended and what to do next. When the card was not taken in time the
 * screen turns red, the words grow, and it says a staff member has been called.
 */
final class TakeCardScreen implements KioskScreen {

    private final JPanel root;

    TakeCardScreen(TakeCard state, ScreenContext context) {
        Look look = context.look();
        boolean escalated = state.escalated();
        root = Widgets.screenRoot(TakeCard.class, look);
        root.setLayout(new BorderLayout(look.px(36), look.px(12)));
        if (escalated) {
            root.setBackground(Palette.DANGER_SURFACE);
        }
        Color headColor = escalated ? Palette.DANGER : Palette.PRIMARY;
        Font headFont = escalated ? look.font(Font.BOLD, 72) : look.hero();
        root.add(Widgets.paragraph(context.text("takeCard.headline"), headFont, headColor, look.px(1150), true),
                BorderLayout.NORTH);
        root.add(new CardIllustration(look, CardIllustration.Motion.OUT_OF_READER), BorderLayout.WEST);

        int width = look.px(640);
        JPanel text = Widgets.clear(null);
        Column column = Column.leading(text, look);
        if (escalated) {
            WrappedText called = Widgets.paragraph(context.text("takeCard.staffCalled"), look.font(Font.BOLD, 34),
                    Color.WHITE, width - look.px(60), false);
            Widgets.boxed(called, look, Palette.DANGER, Palette.DANGER);
            column.addWide(called, 0);
        }
        WrappedText reason = Widgets.paragraph(context.text(reasonKey(state.reason())),
                escalated ? look.bodyBold() : look.font(Font.PLAIN, 30), Palette.INK, width, false);
        reason.setName(ComponentNames.TAKE_CARD_REASON);
        column.add(reason, escalated ? 20 : 0);
        root.add(text, BorderLayout.CENTER);
    }

    static String reasonKey(EndReason reason) {
        return "takeCard.reason." + reason.name();
    }

    @Override
    public JComponent root() {
        return root;
    }
}
