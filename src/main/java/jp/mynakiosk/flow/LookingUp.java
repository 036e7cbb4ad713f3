package jp.mynakiosk.flow;

/**
 * Asking the eligibility system, with the card's signature, which insurer holds the user's record and whether
 * the card is registered. What comes next depends on the journey.
 */
public record LookingUp(Journey journey, boolean checkupsOffered) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.InsuranceFound found) {
            return found(found.insurerName(), found.registration(), settings);
        }
        if (event instanceof SessionEvent.LookupFailed failed) {
            return end(failed.reason().failureReason());
        }
        if (event instanceof SessionEvent.CardRejected rejected) {
            return end(rejected.reason());
        }
        return Transition.ignore(this);
    }

    private Transition found(String insurer, Registration registration, FlowSettings settings) {
        switch (journey) {
            case CHECK_REGISTRATION:
                return Transition.to(new RegistrationStatus(insurer, registration));
            case CHANGE_CONSENTS:
                if (registration == null) {
                    return end(EndReason.NOT_REGISTERED);
                }
                return Transition.to(new Consents(journey, insurer, registration.asChoices(checkupsOffered)));
            default:
                if (registration != null) {
                    return Transition.to(Done.of(LinkResult.ALREADY_REGISTERED, insurer, registration.since(),
                            registration.asChoices(checkupsOffered), settings));
                }
                return Transition.to(new Consents(journey, insurer, ConsentChoices.unanswered(checkupsOffered)));
        }
    }

    @Override
    public boolean holdsCard() {
        return true;
    }

    @Override
    public Waiting waiting() {
        return Waiting.NOTHING;
    }
}
