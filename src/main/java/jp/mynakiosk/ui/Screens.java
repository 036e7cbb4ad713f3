package jp.mynakiosk.ui;

import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.ConfirmHolder;
import jp.mynakiosk.flow.Consents;
import jp.mynakiosk.flow.Done;
import jp.mynakiosk.flow.EnterPin;
import jp.mynakiosk.flow.FaceCapture;
import jp.mynakiosk.flow.InsertCard;
import jp.mynakiosk.flow.Linking;
import jp.mynakiosk.flow.LookingUp;
import jp.mynakiosk.flow.Menu;
import jp.mynakiosk.flow.OutOfService;
import jp.mynakiosk.flow.ReadingCard;
import jp.mynakiosk.flow.RegistrationStatus;
import jp.mynakiosk.flow.SessionState;
import jp.mynakiosk.flow.StillThere;
import jp.mynakiosk.flow.TakeCard;
import jp.mynakiosk.flow.Terms;
import jp.mynakiosk.flow.VerifyingPin;

/** Picks the screen class for a state and builds it fresh from the snapshot. */
public final class Screens {

    private Screens() {
    }

    public static KioskScreen create(SessionState state, ScreenContext context) {
        if (state instanceof Attract) {
            return new AttractScreen(context);
        }
        if (state instanceof Menu) {
            return new MenuScreen(context);
        }
        if (state instanceof Terms) {
            return new TermsScreen(context);
        }
        if (state instanceof InsertCard) {
            return new InsertCardScreen(context);
        }
        if (state instanceof ReadingCard) {
            return new ReadingCardScreen(context);
        }
        if (state instanceof EnterPin snapshot) {
            return new EnterPinScreen(snapshot, context);
        }
        if (state instanceof VerifyingPin) {
            return new VerifyingPinScreen(context);
        }
        if (state instanceof FaceCapture snapshot) {
            return new FaceCaptureScreen(snapshot, context);
        }
        if (state instanceof ConfirmHolder snapshot) {
            return new ConfirmHolderScreen(snapshot, context);
        }
        if (state instanceof LookingUp) {
            return new LookingUpScreen(context);
        }
        if (state instanceof RegistrationStatus snapshot) {
            return new RegistrationStatusScreen(snapshot, context);
        }
        if (state instanceof Consents snapshot) {
            return new ConsentsScreen(snapshot, context);
        }
        if (state instanceof Linking snapshot) {
            return new LinkingScreen(snapshot, context);
        }
        if (state instanceof Done snapshot) {
            return new DoneScreen(snapshot, context);
        }
        if (state instanceof TakeCard snapshot) {
            return new TakeCardScreen(snapshot, context);
        }
        if (state instanceof StillThere) {
            return new StillThereScreen(context);
        }
        if (state instanceof OutOfService) {
            return new OutOfServiceScreen(context);
        }
        throw new IllegalArgumentException("no screen for state " + state.getClass().getSimpleName());
    }
}
