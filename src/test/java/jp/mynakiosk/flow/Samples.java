package jp.mynakiosk.flow;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One or more instances of every state and every event, for tests that walk the whole matrix. */
final class Samples {

    static final HolderSummary HANAKO = new HolderSummary("山田 花子", LocalDate.of(1956, 3, 19));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Journey REGISTER = Journey.REGISTER_INSURANCE_USE;

    private Samples() {
    }

    /** Every state, some in more than one shape, by a label that says which. */
    static Map<String, SessionState> states() {
        Map<String, SessionState> states = new LinkedHashMap<>();
        states.put("Attract", new Attract());
        states.put("Menu", new Menu());
        states.put("Terms", new Terms(REGISTER));
        states.put("InsertCard", new InsertCard(REGISTER));
        states.put("ReadingCard", new ReadingCard(REGISTER));
        states.put("EnterPin", new EnterPin(REGISTER, 3, false));
        states.put("VerifyingPin", new VerifyingPin(REGISTER, 3));
        states.put("FaceCapture(checking)", new FaceCapture(REGISTER, HANAKO, true, 0, FaceNotice.NONE, true));
        states.put("FaceCapture(failed once)", new FaceCapture(REGISTER, HANAKO, true, 1, FaceNotice.NOT_MATCHED, false));
        states.put("ConfirmHolder", new ConfirmHolder(REGISTER, HANAKO, true));
        states.put("LookingUp", new LookingUp(REGISTER, true));
        states.put("RegistrationStatus", new RegistrationStatus("協会けんぽ", null));
        states.put("Consents(unanswered)", new Consents(REGISTER, "協会けんぽ", ConsentChoices.unanswered(true)));
        states.put("Linking", new Linking(REGISTER, new ConsentChoices(true, false, true)));
        states.put("Done(receipt offered)", new Done(LinkResult.REGISTERED, "協会けんぽ", TODAY,
                new ConsentChoices(true, false, true), ReceiptOffer.OFFERED));
        states.put("Done(printing)", new Done(LinkResult.REGISTERED, "協会けんぽ", TODAY,
                new ConsentChoices(true, false, true), ReceiptOffer.PRINTING));
        states.put("TakeCard", new TakeCard(EndReason.FINISHED, false));
        states.put("StillThere(EnterPin)", new StillThere(new EnterPin(REGISTER, 3, false)));
        states.put("OutOfService", new OutOfService("card-reader"));
        return states;
    }

    static Map<Class<?>, SessionEvent> events() {
        Map<Class<?>, SessionEvent> events = new LinkedHashMap<>();
        events.put(SessionEvent.Touched.class, new SessionEvent.Touched());
        events.put(SessionEvent.JourneyChosen.class, new SessionEvent.JourneyChosen(Journey.REGISTER_INSURANCE_USE));
        events.put(SessionEvent.TermsAgreed.class, new SessionEvent.TermsAgreed());
        events.put(SessionEvent.TermsDeclined.class, new SessionEvent.TermsDeclined());
        events.put(SessionEvent.PinSubmitted.class, new SessionEvent.PinSubmitted("1234".toCharArray()));
        events.put(SessionEvent.FaceRetry.class, new SessionEvent.FaceRetry());
        events.put(SessionEvent.HolderConfirmed.class, new SessionEvent.HolderConfirmed());
        events.put(SessionEvent.HolderDenied.class, new SessionEvent.HolderDenied());
        events.put(SessionEvent.ConsentAnswered.class, new SessionEvent.ConsentAnswered(ConsentTopic.TREATMENT_AND_MEDICATION, true));
        events.put(SessionEvent.ConsentsConfirmed.class, new SessionEvent.ConsentsConfirmed());
        events.put(SessionEvent.Finished.class, new SessionEvent.Finished());
        events.put(SessionEvent.ReceiptRequested.class, new SessionEvent.ReceiptRequested(java.util.Locale.JAPANESE));
        events.put(SessionEvent.ReceiptPrinted.class, new SessionEvent.ReceiptPrinted(true));
        events.put(SessionEvent.Cancelled.class, new SessionEvent.Cancelled());
        events.put(SessionEvent.StillHere.class, new SessionEvent.StillHere());
        events.put(SessionEvent.CardInserted.class, new SessionEvent.CardInserted());
        events.put(SessionEvent.CardRemoved.class, new SessionEvent.CardRemoved());
        events.put(SessionEvent.DeviceFault.class, new SessionEvent.DeviceFault("card-reader"));
        events.put(SessionEvent.DevicesRecovered.class, new SessionEvent.DevicesRecovered("card-reader"));
        events.put(SessionEvent.IdleTimedOut.class, new SessionEvent.IdleTimedOut());
        events.put(SessionEvent.CardIdentified.class, new SessionEvent.CardIdentified(3));
        events.put(SessionEvent.CardPinLocked.class, new SessionEvent.CardPinLocked());
        events.put(SessionEvent.CardRejected.class, new SessionEvent.CardRejected(EndReason.CARD_UNREADABLE));
        events.put(SessionEvent.PinAccepted.class, new SessionEvent.PinAccepted(HANAKO, TODAY));
        events.put(SessionEvent.PinRejected.class, new SessionEvent.PinRejected(2));
        events.put(SessionEvent.FaceMatched.class, new SessionEvent.FaceMatched());
        events.put(SessionEvent.FaceNotMatched.class, new SessionEvent.FaceNotMatched(FaceNotice.NOT_MATCHED));
        events.put(SessionEvent.InsuranceFound.class, new SessionEvent.InsuranceFound("協会けんぽ", null));
        events.put(SessionEvent.LookupFailed.class, new SessionEvent.LookupFailed(LinkResult.NO_ELIGIBILITY_DATA));
        events.put(SessionEvent.LinkFinished.class, new SessionEvent.LinkFinished(LinkResult.REGISTERED, "協会けんぽ", TODAY));
        return events;
    }
}
