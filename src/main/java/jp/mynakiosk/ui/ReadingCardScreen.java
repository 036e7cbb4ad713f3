package jp.mynakiosk.ui;

import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.ReadingCard;

/** Please wait while the card is read; the card must stay in the reader. */
final class ReadingCardScreen implements KioskScreen {

    private final JPanel root;

    ReadingCardScreen(ScreenContext context) {
        root = PleaseWaitPanel.build(ReadingCard.class, context.text("readingCard.message"), context);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
