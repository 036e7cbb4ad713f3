package jp.mynakiosk.flow;

import java.time.LocalDate;

/** A card's registration for insurance use: since when, and what the holder agreed to share. */
public record Registration(LocalDate since, boolean shareTreatmentAndMedication, boolean shareHealthCheckups) {

    /** The current answers, as the consent screen starts from when the user changes them. */
    ConsentChoices asChoices(boolean checkupsOffered) {
        return new ConsentChoices(shareTreatmentAndMedication, checkupsOffered ? shareHealthCheckups : Boolean.FALSE,
                checkupsOffered);
    }
}
