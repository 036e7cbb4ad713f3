package jp.mynakiosk.ui;

import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.Linking;

/** Please wait while the registration (or the changed consents) is sent; the card must stay in the reader. */
final class LinkingScreen implements KioskScreen {

    private final JPanel root;

    LinkingScreen(Linking state, ScreenContext context) {
        String key = state.journey() == Journey.CHANGE_CONSENTS ? "linking.saving.message" : "linking.message";
        root = PleaseWaitPanel.build(Linking.class, context.text(key), context);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
