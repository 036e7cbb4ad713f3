package jp.mynakiosk.app;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import jp.mynakiosk.device.ReceiptPrinter;
import jp.mynakiosk.flow.ConsentChoices;
import jp.mynakiosk.flow.Effect;
import jp.mynakiosk.flow.LinkResult;
import jp.mynakiosk.receipt.Receipt;
import jp.mynakiosk.receipt.ReceiptConsents;
import jp.mynakiosk.receipt.ReceiptFormatter;
import jp.mynakiosk.ui.Language;
import jp.mynakiosk.ui.Messages;

/**
 * Turns a result into a receipt in the language the user reads (journey and outcome in the screens' own words)
 * and hands it to the printer. The receipt names the kiosk, the time, the outcome and the consents, never the
 * person.
 */
final class ReceiptDesk {

    private final ReceiptPrinter printer;
    private final String kioskId;
    private final Clock clock;

    ReceiptDesk(ReceiptPrinter printer, String kioskId, Clock clock) {
        this.printer = printer;
        this.kioskId = kioskId;
        this.clock = clock;
    }

    boolean print(Effect.PrintReceipt request) {
        Language language = request.language().getLanguage().equals(Locale.ENGLISH.getLanguage())
                ? Language.ENGLISH : Language.JAPANESE;
        Messages words = Messages.of(language);
        String journey = words.text(request.result() == LinkResult.CONSENTS_CHANGED
                ? "receipt.journey.changeConsents" : "receipt.journey.register");
        String outcome = words.text(outcomeKey(request.result()));
        Receipt receipt = new Receipt(ZonedDateTime.now(clock), kioskId, journey, outcome, consents(request.consents()));
        return printer.print(new ReceiptFormatter(language.locale()).lines(receipt));
    }

    private static String outcomeKey(LinkResult result) {
        switch (result) {
            case ALREADY_REGISTERED: return "receipt.outcome.alreadyRegistered";
            case CONSENTS_CHANGED: return "receipt.outcome.consentsChanged";
            default: return "receipt.outcome.registered";
        }
    }

    private static Optional<ReceiptConsents> consents(ConsentChoices choices) {
        if (choices == null || !choices.complete()) {
            return Optional.empty();
        }
        return Optional.of(new ReceiptConsents(choices.treatmentAndMedication(),
                choices.checkupsOffered() ? Optional.of(choices.healthCheckups()) : Optional.empty()));
    }
}
