package jp.mynakiosk.ui;

import java.awt.Dimension;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

import jp.mynakiosk.flow.Done;
import jp.mynakiosk.flow.LinkResult;
import jp.mynakiosk.flow.ReceiptOffer;
import jp.mynakiosk.flow.SessionEvent;

/** The result: registered now (insurer, date) or already registered since a date; then Finish. */
final class DoneScreen implements KioskScreen {

    private final JPanel root;

    DoneScreen(Done state, ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(Done.class, look);
        boolean already = state.result() == LinkResult.ALREADY_REGISTERED;
        boolean changed = state.result() == LinkResult.CONSENTS_CHANGED;
        String headline = changed ? "done.changed.headline"
                : already ? "done.already.headline" : "done.registered.headline";
        String explain = changed ? "done.changed.explain"
                : already ? "done.already.explain" : "done.registered.explain";
        Column column = Column.centered(root, look)
                .add(Widgets.paragraph(context.text(headline), look.hero(), Palette.SUCCESS, look.px(1100), true), 0)
                .add(Widgets.paragraph(context.text(explain), look.body(), Palette.INK, look.px(1000), true), 20);
        JPanel facts = Widgets.clear(null);
        Column factColumn = Column.centered(facts, look);
        boolean anyFact = false;
        if (state.insurerName() != null && !state.insurerName().isBlank()) {
            factColumn.add(Widgets.line(context.format("done.insurer", state.insurerName()), look.bodyBold(),
                    Palette.INK), 0);
            anyFact = true;
        }
        if (state.registeredOn() != null && !changed) {
            String key = already ? "done.already.since" : "done.registered.on";
            factColumn.add(Widgets.line(context.format(key, context.messages().date(state.registeredOn())),
                    look.bodyBold(), Palette.INK), 10);
            anyFact = true;
        }
        if (anyFact) {
            Widgets.boxed(facts, look, Palette.SURFACE, Palette.LINE);
            column.add(facts, 24);
        }
        JButton finish = Widgets.primary(context.text("done.finish"), ComponentNames.DONE_FINISH, look,
                () -> context.send(new SessionEvent.Finished()));
        finish.setPreferredSize(new Dimension(look.px(420), look.px(104)));
        finish.setEnabled(state.receipt() != ReceiptOffer.PRINTING);
        if (state.receipt() == ReceiptOffer.NONE) {
            column.add(finish, 36);
            return;
        }
        JPanel buttons = Widgets.clear(new java.awt.FlowLayout(java.awt.FlowLayout.CENTER, look.px(24), 0));
        if (state.receipt() == ReceiptOffer.OFFERED) {
            JButton receipt = Widgets.secondary(context.text("done.receipt"), ComponentNames.DONE_RECEIPT, look,
                    () -> context.send(new SessionEvent.ReceiptRequested(context.messages().language().locale())));
            receipt.setPreferredSize(new Dimension(look.px(420), look.px(104)));
            buttons.add(receipt);
        }
        buttons.add(finish);
        column.add(buttons, 36);
        if (state.receipt() != ReceiptOffer.OFFERED) {
            JLabel status = Widgets.line(context.text(receiptStatusKey(state.receipt())), look.body(), Palette.INK);
            status.setName(ComponentNames.DONE_RECEIPT_STATUS);
            column.add(status, 16);
        }
    }

    private static String receiptStatusKey(ReceiptOffer offer) {
        switch (offer) {
            case PRINTING: return "done.receipt.printing";
            case PRINTED: return "done.receipt.printed";
            default: return "done.receipt.failed";
        }
    }

    @Override
    public JComponent root() {
        return root;
    }
}
