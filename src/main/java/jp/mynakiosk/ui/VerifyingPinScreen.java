package jp.mynakiosk.ui;

import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.VerifyingPin;

/** Please wait while the card checks the PIN; the card must stay in the reader. */
final class VerifyingPinScreen implements KioskScreen {

    private final JPanel root;

    VerifyingPinScreen(ScreenContext context) {
        root = PleaseWaitPanel.build(VerifyingPin.class, context.text("verifyingPin.message"), context);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
