package jp.mynakiosk.ui;

import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.ConfirmHolder;
import jp.mynakiosk.flow.Consents;
import jp.mynakiosk.flow.Done;
import jp.mynakiosk.flow.EnterPin;
import jp.mynakiosk.flow.FaceCapture;
import jp.mynakiosk.flow.InsertCard;
import jp.mynakiosk.flow.Journey;
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

/**
 * What the frame's bars show for a state: the step title, where the user is in the registration (step
 * {@code step} of {@link #STEPS}, 0 outside it) and whether Cancel is offered.
 */
record ScreenChrome(String titleKey, int step, boolean cancellable) {

    static final int STEPS = 6;

    static ScreenChrome of(SessionState state) {
        if (state instanceof Attract) {
            return new ScreenChrome("attract.title", 0, false);
        }
        if (state instanceof Menu) {
            return new ScreenChrome("menu.title", 0, true);
        }
        if (state instanceof Terms) {
            return new ScreenChrome("terms.title", 1, true);
        }
        if (state instanceof InsertCard) {
            return new ScreenChrome("insertCard.title", 2, true);
        }
        if (state instanceof ReadingCard) {
            return new ScreenChrome("readingCard.title", 2, false);
        }
        if (state instanceof EnterPin) {
            return new ScreenChrome("enterPin.title", 3, true);
        }
        if (state instanceof VerifyingPin) {
            return new ScreenChrome("verifyingPin.title", 3, false);
        }
        if (state instanceof FaceCapture) {
            return new ScreenChrome("faceCapture.title", 4, true);
        }
        if (state instanceof ConfirmHolder) {
            return new ScreenChrome("confirmHolder.title", 4, true);
        }
        if (state instanceof LookingUp) {
            return new ScreenChrome("lookingUp.title", 4, false);
        }
        if (state instanceof RegistrationStatus) {
            return new ScreenChrome("registrationStatus.title", 6, false);
        }
        if (state instanceof Consents) {
            return new ScreenChrome("consents.title", 5, true);
        }
        if (state instanceof Linking linking) {
            return new ScreenChrome(linking.journey() == Journey.CHANGE_CONSENTS ? "linking.saving.title"
                    : "linking.title", 5, false);
        }
        if (state instanceof Done) {
            return new ScreenChrome("done.title", 6, false);
        }
        if (state instanceof TakeCard) {
            return new ScreenChrome("takeCard.title", 0, false);
        }
        if (state instanceof StillThere prompt) {
            ScreenChrome interrupted = of(prompt.interrupted());
            return new ScreenChrome(interrupted.titleKey(), interrupted.step(), true);
        }
        if (state instanceof OutOfService) {
            return new ScreenChrome("outOfService.title", 0, false);
        }
        throw new IllegalArgumentException("no screen chrome for state " + state.getClass().getSimpleName());
    }
}
