package jp.mynakiosk.flow;

import java.util.Optional;

/**
 * The consent answers so far. {@code null} means not answered yet; a topic that is not offered counts as
 * answered "no".
 */
public record ConsentChoices(Boolean treatmentAndMedication, Boolean healthCheckups, boolean checkupsOffered) {

    public static ConsentChoices unanswered(boolean checkupsOffered) {
        return new ConsentChoices(null, checkupsOffered ? null : Boolean.FALSE, checkupsOffered);
    }

    public ConsentChoices answer(ConsentTopic topic, boolean agree) {
        if (topic == ConsentTopic.TREATMENT_AND_MEDICATION) {
            return new ConsentChoices(agree, healthCheckups, checkupsOffered);
        }
        if (!checkupsOffered) {
            return this;
        }
        return new ConsentChoices(treatmentAndMedication, agree, checkupsOffered);
    }

    public Optional<Boolean> answerTo(ConsentTopic topic) {
        return Optional.ofNullable(topic == ConsentTopic.TREATMENT_AND_MEDICATION ? treatmentAndMedication : healthCheckups);
    }

    public boolean complete() {
        return treatmentAndMedication != null && healthCheckups != null;
    }
}
