package jp.mynakiosk.ui;

import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.LookingUp;

/** Please wait while the kiosk asks which insurer holds the user's record; the card must stay in the reader. */
final class LookingUpScreen implements KioskScreen {

    private final JPanel root;

    LookingUpScreen(ScreenContext context) {
        root = PleaseWaitPanel.build(LookingUp.class, context.text("lookingUp.message"), context);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
