package jp.mynakiosk.ui;

import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.Linking;

/** Please wait while the registration is sent; the card must stay in the reader. */
final class LinkingScreen implements KioskScreen {

    private final JPanel root;

    LinkingScreen(ScreenContext context) {
        root = PleaseWaitPanel.build(Linking.class, context.text("linking.message"), context);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
