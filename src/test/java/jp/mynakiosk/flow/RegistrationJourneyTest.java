package jp.mynakiosk.flow;

import static jp.mynakiosk.flow.Samples.HANAKO;
import static jp.mynakiosk.flow.Samples.REGISTER;
import static jp.mynakiosk.flow.Samples.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.mynakiosk.flow.SessionEvent.*;
import org.junit.jupiter.api.Test;

class RegistrationJourneyTest {

    private static final String INSURER = "全国健康保険協会 東京支部";

    private SessionMachine machine = new SessionMachine(new FlowSettings(3, FacePolicy.PIN_ONLY));
    private SessionState state = new Attract();
    private Transition last;

    private SessionState send(SessionEvent event) {
        last = machine.next(state, event);
        state = last.next();
        return state;
    }

    private void toEnterPin(int triesLeft) {
        send(new Touched());
        send(new JourneyChosen(Journey.REGISTER_INSURANCE_USE));
        send(new TermsAgreed());
        assertThat(send(new CardInserted())).isEqualTo(new ReadingCard(REGISTER));
        assertThat(last.effects()).containsExactly(new Effect.IdentifyCard());
        send(new CardIdentified(triesLeft));
    }

    private void toFaceCapture() {
        toEnterPin(3);
        send(new PinSubmitted("1234".toCharArray()));
        send(new PinAccepted(HANAKO, TODAY));
    }

    @Test
    void happyPathLinksTheCardAndHandsItBack() {
        toEnterPin(3);
        assertThat(state).isEqualTo(new EnterPin(REGISTER, 3, false));
        char[] pin = "1234".toCharArray();
        assertThat(send(new PinSubmitted(pin))).isEqualTo(new VerifyingPin(REGISTER, 3));
        assertThat(last.effects()).hasSize(1);
        assertThat(((Effect.VerifyPin) last.effects().get(0)).digits()).isSameAs(pin);

        send(new PinAccepted(HANAKO, TODAY));
        assertThat(state).isInstanceOf(FaceCapture.class);
        assertThat(((FaceCapture) state).checking()).isTrue();
        assertThat(last.effects()).containsExactly(new Effect.MatchFace());

        assertThat(send(new FaceMatched())).isEqualTo(new ConfirmHolder(REGISTER, HANAKO, true));
        assertThat(send(new HolderConfirmed())).isEqualTo(new LookingUp(REGISTER, true));
        assertThat(last.effects()).containsExactly(new Effect.LookUpInsurance());
        assertThat(send(new InsuranceFound(INSURER, null)))
                .isEqualTo(new Consents(REGISTER, INSURER, ConsentChoices.unanswered(true)));
        send(new ConsentAnswered(ConsentTopic.TREATMENT_AND_MEDICATION, true));
        send(new ConsentAnswered(ConsentTopic.HEALTH_CHECKUPS, false));
        assertThat(send(new ConsentsConfirmed())).isEqualTo(new Linking(REGISTER, new ConsentChoices(true, false, true)));
        assertThat(last.effects()).containsExactly(new Effect.Link(new ConsentChoices(true, false, true)));

        send(new LinkFinished(LinkResult.REGISTERED, INSURER, TODAY));
        assertThat(state).isEqualTo(new Done(LinkResult.REGISTERED, INSURER, TODAY, new ConsentChoices(true, false, true),
                ReceiptOffer.NONE));
        assertThat(send(new Finished())).isEqualTo(new TakeCard(EndReason.FINISHED, false));
        assertThat(last.effects()).containsExactly(new Effect.ReleaseCard());
        assertThat(send(new CardRemoved())).isEqualTo(new Attract());
        assertThat(last.effects()).contains(new Effect.ClearSession());
    }

    @Test
    void wrongPinShowsTriesLeft() {
        toEnterPin(3);
        send(new PinSubmitted("9999".toCharArray()));
        assertThat(send(new PinRejected(2))).isEqualTo(new EnterPin(REGISTER, 2, true));
        assertThat(((EnterPin) state).lastTry()).isFalse();
    }

    @Test
    void lastTryWarnsBeforeLocking() {
        toEnterPin(2);
        send(new PinSubmitted("9999".toCharArray()));
        send(new PinRejected(1));
        assertThat(((EnterPin) state).lastTry()).isTrue();
        send(new PinSubmitted("9998".toCharArray()));
        assertThat(send(new CardPinLocked())).isEqualTo(new TakeCard(EndReason.PIN_LOCKED, false));
    }

    @Test
    void lockedCardIsHandedBackWithTheMunicipalOfficeReason() {
        toEnterPin(3);
        state = new ReadingCard(REGISTER);
        assertThat(send(new CardPinLocked())).isEqualTo(new TakeCard(EndReason.PIN_LOCKED, false));
        assertThat(last.effects()).containsExactly(new Effect.ReleaseCard());
    }

    @Test
    void aPinThatIsNotFourDigitsIsIgnored() {
        toEnterPin(3);
        assertThat(machine.next(state, new PinSubmitted("123".toCharArray())).ignored()).isTrue();
    }

    @Test
    void notAMyNumberCardIsHandedBack() {
        send(new Touched());
        send(new JourneyChosen(Journey.REGISTER_INSURANCE_USE));
        send(new TermsAgreed());
        send(new CardInserted());
        assertThat(send(new CardRejected(EndReason.NOT_MY_NUMBER_CARD)))
                .isEqualTo(new TakeCard(EndReason.NOT_MY_NUMBER_CARD, false));
    }

    @Test
    void cardPulledDuringLinkingClearsEverything() {
        state = new Linking(REGISTER, new ConsentChoices(true, true, true));
        assertThat(send(new CardRemoved())).isEqualTo(new Attract());
        assertThat(last.effects()).containsExactly(new Effect.ReleaseCard(), new Effect.ClearSession());
    }

    @Test
    void cardPulledAtEveryCardHoldingStateReturnsToAttract() {
        Samples.states().values().stream().filter(SessionState::holdsCard).forEach(s -> {
            Transition t = machine.next(s, new CardRemoved());
            assertThat(t.next()).as(s.getClass().getSimpleName()).isEqualTo(new Attract());
            assertThat(t.effects()).contains(new Effect.ClearSession());
        });
    }

    @Test
    void faceFailuresFollowThePolicyAfterTheLastAttempt() {
        toFaceCapture();
        send(new FaceNotMatched(FaceNotice.NO_FACE));
        assertThat(state).isEqualTo(new FaceCapture(REGISTER, HANAKO, true, 1, FaceNotice.NO_FACE, false));
        send(new FaceRetry());
        send(new FaceNotMatched(FaceNotice.NOT_MATCHED));
        send(new FaceRetry());
        assertThat(send(new FaceNotMatched(FaceNotice.NOT_MATCHED))).isEqualTo(new ConfirmHolder(REGISTER, HANAKO, true));
    }

    @Test
    void faceAbortPolicyEndsTheSession() {
        machine = new SessionMachine(new FlowSettings(1, FacePolicy.ABORT));
        toFaceCapture();
        assertThat(send(new FaceNotMatched(FaceNotice.NOT_MATCHED)))
                .isEqualTo(new TakeCard(EndReason.FACE_NOT_MATCHED, false));
    }

    @Test
    void faceAttendantPolicyCallsStaff() {
        machine = new SessionMachine(new FlowSettings(1, FacePolicy.CALL_ATTENDANT));
        toFaceCapture();
        send(new FaceNotMatched(FaceNotice.NOT_MATCHED));
        assertThat(state).isEqualTo(new TakeCard(EndReason.FACE_ATTENDANT_CALLED, false));
        assertThat(last.effects()).contains(new Effect.CallAttendant("face-not-matched"));
    }

    @Test
    void checkupsAreOfferedOnlyFrom40To74() {
        HolderSummary young = new HolderSummary("x", LocalDate.of(1990, 7, 7));
        HolderSummary old = new HolderSummary("x", LocalDate.of(1949, 11, 2));
        assertThat(VerifyingPin.checkupsOffered(HANAKO, TODAY)).isTrue();
        assertThat(VerifyingPin.checkupsOffered(young, TODAY)).isFalse();
        assertThat(VerifyingPin.checkupsOffered(old, TODAY)).isFalse();
        assertThat(ConsentChoices.unanswered(false).answer(ConsentTopic.TREATMENT_AND_MEDICATION, true).complete())
                .isTrue();
    }

    @Test
    void consentsCannotBeSentHalfAnswered() {
        state = new Consents(REGISTER, INSURER, ConsentChoices.unanswered(true));
        send(new ConsentAnswered(ConsentTopic.TREATMENT_AND_MEDICATION, true));
        assertThat(last.ignored()).isFalse();
        assertThat(machine.next(state, new ConsentsConfirmed()).ignored()).isTrue();
    }

    @Test
    void noEligibilityDataEndsWithItsOwnReason() {
        state = new Linking(REGISTER, new ConsentChoices(true, true, true));
        send(new LinkFinished(LinkResult.NO_ELIGIBILITY_DATA, null, null));
        assertThat(state).isEqualTo(new TakeCard(EndReason.NO_ELIGIBILITY_DATA, false));
    }

    @Test
    void idleUserIsAskedThenTheSessionEnds() {
        toEnterPin(3);
        SessionState pin = state;
        assertThat(send(new IdleTimedOut())).isEqualTo(new StillThere(pin));
        assertThat(send(new StillHere())).isEqualTo(pin);
        send(new IdleTimedOut());
        assertThat(send(new IdleTimedOut())).isEqualTo(new TakeCard(EndReason.TIMED_OUT, false));
    }

    @Test
    void idleBeforeTheCardGoesBackToAttract() {
        send(new Touched());
        send(new IdleTimedOut());
        assertThat(send(new IdleTimedOut())).isEqualTo(new Attract());
        assertThat(last.effects()).containsExactly(new Effect.ClearSession());
    }

    @Test
    void cardNotTakenEscalatesOnce() {
        state = new TakeCard(EndReason.FINISHED, false);
        assertThat(send(new IdleTimedOut())).isEqualTo(new TakeCard(EndReason.FINISHED, true));
        assertThat(last.effects()).containsExactly(new Effect.CallAttendant("card-not-taken"));
        assertThat(machine.next(state, new IdleTimedOut()).ignored()).isTrue();
    }

    @Test
    void deviceFaultTakesTheKioskOutOfServiceUntilRecovered() {
        toEnterPin(3);
        assertThat(send(new DeviceFault("camera"))).isEqualTo(new OutOfService("camera"));
        assertThat(last.effects()).contains(new Effect.ClearSession());
        assertThat(machine.next(state, new DevicesRecovered("card-reader")).ignored()).isTrue();
        assertThat(send(new DevicesRecovered("camera"))).isEqualTo(new Attract());
    }

    @Test
    void cancelBeforeTheCardGoesHomeAndAfterItAsksToTakeTheCard() {
        send(new Touched());
        assertThat(send(new Cancelled())).isEqualTo(new Attract());
        toEnterPin(3);
        assertThat(send(new Cancelled())).isEqualTo(new TakeCard(EndReason.CANCELLED, false));
    }

    @Test
    void holderDeniedEndsTheSession() {
        state = new ConfirmHolder(REGISTER, HANAKO, true);
        assertThat(send(new HolderDenied())).isEqualTo(new TakeCard(EndReason.NOT_THE_HOLDER, false));
    }

    @Test
    void theInsurerIsShownBeforeTheUserConfirms() {
        state = new LookingUp(REGISTER, false);
        send(new InsuranceFound(INSURER, null));
        assertThat(((Consents) state).insurerName()).isEqualTo(INSURER);
    }

    @Test
    void anAlreadyRegisteredCardSkipsTheConsents() {
        state = new LookingUp(REGISTER, true);
        LocalDate since = LocalDate.of(2023, 6, 1);
        assertThat(send(new InsuranceFound(INSURER, new Registration(since, true, true))))
                .isEqualTo(new Done(LinkResult.ALREADY_REGISTERED, INSURER, since, new ConsentChoices(true, true, true),
                        ReceiptOffer.NONE));
    }

    @Test
    void noEligibilityDataIsToldBeforeAnyConsentIsAsked() {
        state = new LookingUp(REGISTER, true);
        assertThat(send(new LookupFailed(LinkResult.NO_ELIGIBILITY_DATA)))
                .isEqualTo(new TakeCard(EndReason.NO_ELIGIBILITY_DATA, false));
    }

    @Test
    void checkingShowsTheRegistrationAndFinishes() {
        state = new Menu();
        send(new JourneyChosen(Journey.CHECK_REGISTRATION));
        assertThat(state).isEqualTo(new Terms(Journey.CHECK_REGISTRATION));
        state = new ConfirmHolder(Journey.CHECK_REGISTRATION, HANAKO, true);
        send(new HolderConfirmed());
        Registration registration = new Registration(LocalDate.of(2024, 5, 7), true, false);
        assertThat(send(new InsuranceFound(INSURER, registration)))
                .isEqualTo(new RegistrationStatus(INSURER, registration));
        assertThat(send(new Finished())).isEqualTo(new TakeCard(EndReason.FINISHED, false));
    }

    @Test
    void checkingAnUnregisteredCardSaysSo() {
        state = new LookingUp(Journey.CHECK_REGISTRATION, true);
        send(new InsuranceFound(INSURER, null));
        assertThat(((RegistrationStatus) state).registered()).isFalse();
    }

    @Test
    void changingConsentsStartsFromTheCurrentAnswersAndSavesThem() {
        state = new LookingUp(Journey.CHANGE_CONSENTS, true);
        send(new InsuranceFound(INSURER, new Registration(LocalDate.of(2024, 5, 7), true, false)));
        assertThat(state).isEqualTo(new Consents(Journey.CHANGE_CONSENTS, INSURER, new ConsentChoices(true, false, true)));
        send(new ConsentAnswered(ConsentTopic.HEALTH_CHECKUPS, true));
        assertThat(send(new ConsentsConfirmed()))
                .isEqualTo(new Linking(Journey.CHANGE_CONSENTS, new ConsentChoices(true, true, true)));
        assertThat(last.effects()).containsExactly(new Effect.ChangeConsents(new ConsentChoices(true, true, true)));
        LocalDate today = LocalDate.of(2026, 11, 25);
        assertThat(send(new LinkFinished(LinkResult.CONSENTS_CHANGED, INSURER, today)))
                .isEqualTo(new Done(LinkResult.CONSENTS_CHANGED, INSURER, today, new ConsentChoices(true, true, true),
                        ReceiptOffer.NONE));
    }

    @Test
    void checkupsNotOfferedAreNotCarriedOverWhenChanging() {
        state = new LookingUp(Journey.CHANGE_CONSENTS, false);
        send(new InsuranceFound(INSURER, new Registration(LocalDate.of(2024, 5, 7), true, true)));
        assertThat(((Consents) state).choices()).isEqualTo(new ConsentChoices(true, false, false));
    }

    @Test
    void changingConsentsOfAnUnregisteredCardEndsWithItsOwnReason() {
        state = new LookingUp(Journey.CHANGE_CONSENTS, true);
        assertThat(send(new InsuranceFound(INSURER, null))).isEqualTo(new TakeCard(EndReason.NOT_REGISTERED, false));
    }

    @Test
    void aReceiptIsOfferedWhereThereIsAPrinterAndPrintedOnce() {
        machine = new SessionMachine(new FlowSettings(3, FacePolicy.PIN_ONLY, true));
        ConsentChoices chosen = new ConsentChoices(true, false, true);
        state = new Linking(REGISTER, chosen);
        send(new LinkFinished(LinkResult.REGISTERED, INSURER, TODAY));
        assertThat(((Done) state).receipt()).isEqualTo(ReceiptOffer.OFFERED);
        send(new ReceiptRequested(java.util.Locale.ENGLISH));
        assertThat(((Done) state).receipt()).isEqualTo(ReceiptOffer.PRINTING);
        assertThat(last.effects()).containsExactly(
                new Effect.PrintReceipt(java.util.Locale.ENGLISH, LinkResult.REGISTERED, INSURER, TODAY, chosen));
        assertThat(machine.next(state, new Finished()).ignored()).as("not while printing").isTrue();
        send(new ReceiptPrinted(true));
        assertThat(((Done) state).receipt()).isEqualTo(ReceiptOffer.PRINTED);
        assertThat(machine.next(state, new ReceiptRequested(java.util.Locale.ENGLISH)).ignored()).isTrue();
        assertThat(send(new Finished())).isEqualTo(new TakeCard(EndReason.FINISHED, false));
    }

    @Test
    void aFailedReceiptLeavesTheResultStanding() {
        state = new Done(LinkResult.REGISTERED, INSURER, TODAY, null, ReceiptOffer.PRINTING);
        send(new ReceiptPrinted(false));
        assertThat(state).isEqualTo(new Done(LinkResult.REGISTERED, INSURER, TODAY, null, ReceiptOffer.FAILED));
    }

    @Test
    void theKioskComesBackOnlyWhenEveryFailedDeviceHasRecovered() {
        state = new OutOfService("eligibility-service");
        send(new DeviceFault("card-reader"));
        assertThat(state).isEqualTo(new OutOfService(java.util.Set.of("eligibility-service", "card-reader")));
        assertThat(send(new DevicesRecovered("eligibility-service"))).isEqualTo(new OutOfService("card-reader"));
        assertThat(send(new DevicesRecovered("card-reader"))).isEqualTo(new Attract());
    }

    @Test
    void holderDataIsNotPrinted() {
        assertThat(HANAKO.toString()).doesNotContain("花子").doesNotContain("1956");
        assertThat(new PinSubmitted("1234".toCharArray()).toString()).doesNotContain("1234");
    }
}
