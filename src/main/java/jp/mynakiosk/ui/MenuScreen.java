package jp.mynakiosk.ui;

import java.awt.Dimension;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.Menu;
import jp.mynakiosk.flow.SessionEvent;

/** What would you like to do? For now one journey: register the card for health insurance. */
final class MenuScreen implements KioskScreen {

    private final JPanel root;

    MenuScreen(ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(Menu.class, look);
        JButton register = Widgets.primary(context.text("menu.register"), ComponentNames.MENU_REGISTER, look,
                () -> context.send(new SessionEvent.JourneyChosen(Journey.REGISTER_INSURANCE_USE)));
        register.setPreferredSize(new Dimension(look.px(900), look.px(120)));
        Column.centered(root, look)
                .add(Widgets.paragraph(context.text("menu.question"), look.headline(), Palette.INK,
                        look.px(1000), true), 0)
                .add(register, 40)
                .add(Widgets.paragraph(context.text("menu.register.explain"), look.body(), Palette.MUTED_INK,
                        look.px(900), true), 24);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
