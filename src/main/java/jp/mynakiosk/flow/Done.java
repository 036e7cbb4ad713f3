package jp.mynakiosk.flow;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The card is linked (now, or it already was on {@code registeredOn}), or its consents were saved. The user
 * may ask for a receipt where the kiosk has a printer; {@code consents} (null when not known) go on it.
 */
public record Done(LinkResult result, String insurerName, LocalDate registeredOn, ConsentChoices consents,
                   ReceiptOffer receipt) implements SessionState {

    static Done of(LinkResult result, String insurerName, LocalDate registeredOn, ConsentChoices consents,
                   FlowSettings settings) {
        return new Done(result, insurerName, registeredOn, consents,
                settings.receiptPrinter() ? ReceiptOffer.OFFERED : ReceiptOffer.NONE);
    }

    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.ReceiptRequested requested && receipt == ReceiptOffer.OFFERED) {
            Locale language = requested.language();
            return Transition.to(with(ReceiptOffer.PRINTING),
                    new Effect.PrintReceipt(language, result, insurerName, registeredOn, consents));
        }
        if (event instanceof SessionEvent.ReceiptPrinted printed && receipt == ReceiptOffer.PRINTING) {
            return Transition.to(with(printed.printed() ? ReceiptOffer.PRINTED : ReceiptOffer.FAILED));
        }
        if (receipt != ReceiptOffer.PRINTING && (event instanceof SessionEvent.Finished
                || event instanceof SessionEvent.IdleTimedOut || event instanceof SessionEvent.Cancelled)) {
            return end(EndReason.FINISHED);
        }
        return Transition.ignore(this);
    }

    private Done with(ReceiptOffer offer) {
        return new Done(result, insurerName, registeredOn, consents, offer);
    }

    @Override
    public boolean holdsCard() {
        return true;
    }

    @Override
    public Waiting waiting() {
        return receipt == ReceiptOffer.PRINTING ? Waiting.NOTHING : Waiting.USER;
    }
}
