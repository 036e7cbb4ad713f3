package jp.mynakiosk.ui;

import java.awt.Dimension;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.Menu;
import jp.mynakiosk.flow.SessionEvent;

/** What would you like to do? Register the card, check its registration, or change what is shared. */
final class MenuScreen implements KioskScreen {

    private final JPanel root;

    MenuScreen(ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(Menu.class, look);
        Column column = Column.centered(root, look)
                .add(Widgets.paragraph(context.text("menu.question"), look.headline(), Palette.INK,
                        look.px(1000), true), 0);
        column.add(journey(context, Journey.REGISTER_INSURANCE_USE, "menu.register", ComponentNames.MENU_REGISTER,
                true), 32);
        column.add(Widgets.paragraph(context.text("menu.register.explain"), look.body(), Palette.MUTED_INK,
                look.px(900), true), 10);
        column.add(journey(context, Journey.CHECK_REGISTRATION, "menu.check", ComponentNames.MENU_CHECK, false), 28);
        column.add(journey(context, Journey.CHANGE_CONSENTS, "menu.change", ComponentNames.MENU_CHANGE, false), 16);
    }

    private static JButton journey(ScreenContext context, Journey journey, String key, String name, boolean main) {
        Look look = context.look();
        Runnable choose = () -> context.send(new SessionEvent.JourneyChosen(journey));
        JButton button = main
                ? Widgets.primary(context.text(key), name, look, choose)
                : Widgets.secondary(context.text(key), name, look, choose);
        button.setPreferredSize(new Dimension(look.px(900), look.px(main ? 110 : 90)));
        return button;
    }

    @Override
    public JComponent root() {
        return root;
    }
}
