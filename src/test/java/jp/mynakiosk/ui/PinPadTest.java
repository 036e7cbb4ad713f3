package jp.mynakiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.util.Arrays;

import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.JPanelFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.EnterPin;
import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.flow.VerifyingPin;

class PinPadTest {

    private KioskHarness kiosk;

    @BeforeAll
    static void checkThreads() {
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void showPinScreen() {
        kiosk = KioskHarness.open();
        kiosk.show(new EnterPin(Journey.REGISTER_INSURANCE_USE, 3, false));
    }

    @AfterEach
    void close() {
        kiosk.close();
    }

    @Test
    void tappedDigitsAreMaskedAndOkWaitsForTheFourth() {
        kiosk.window.button(ComponentNames.PIN_PAD_OK).requireDisabled();
        tap(1, 2, 3);
        kiosk.window.label(ComponentNames.pinPadBox(0)).requireText("\u25CF");
        kiosk.window.label(ComponentNames.pinPadBox(2)).requireText("\u25CF");
        kiosk.window.label(ComponentNames.pinPadBox(3)).requireText("");
        kiosk.window.button(ComponentNames.PIN_PAD_OK).requireDisabled();
        tap(4);
        kiosk.window.button(ComponentNames.PIN_PAD_OK).requireEnabled();
        assertThat(kiosk.texts()).as("no entered digit is shown").noneMatch(text -> text.contains("123"));
    }

    @Test
    void aFifthDigitIsIgnored() {
        tap(1, 2, 3, 4, 5);
        kiosk.window.button(ComponentNames.PIN_PAD_OK).click();
        assertThat(submitted()).containsExactly('1', '2', '3', '4');
    }

    @Test
    void clearTakesBackOneDigit() {
        tap(1, 2, 3, 4);
        kiosk.window.button(ComponentNames.PIN_PAD_CLEAR).click();
        kiosk.window.label(ComponentNames.pinPadBox(3)).requireText("");
        kiosk.window.button(ComponentNames.PIN_PAD_OK).requireDisabled();
        tap(9);
        kiosk.window.button(ComponentNames.PIN_PAD_OK).click();
        assertThat(submitted()).containsExactly('1', '2', '3', '9');
    }

    @Test
    void submitSendsACopyAndWipesThePad() {
        tap(5, 0, 7, 1);
        kiosk.window.button(ComponentNames.PIN_PAD_OK).click();
        assertThat(submitted()).containsExactly('5', '0', '7', '1');
        PinPad pad = pad();
        assertThat(GuiActionRunner.execute(pad::bufferWiped)).isTrue();
        assertThat(GuiActionRunner.execute(pad::enteredCount)).isZero();
        kiosk.window.label(ComponentNames.pinPadBox(0)).requireText("");
        kiosk.window.button(ComponentNames.PIN_PAD_OK).requireDisabled();
    }

    @Test
    void physicalDigitKeysBackspaceAndEnterWork() {
        // Typed on the screen, as a USB keypad would; the bindings live on the frame's root pane.
        JPanelFixture screen = kiosk.window.panel(ComponentNames.screen(EnterPin.class));
        screen.pressAndReleaseKeys(KeyEvent.VK_8, KeyEvent.VK_6, KeyEvent.VK_4, KeyEvent.VK_2);
        kiosk.window.label(ComponentNames.pinPadBox(3)).requireText("\u25CF");
        screen.pressAndReleaseKeys(KeyEvent.VK_BACK_SPACE);
        kiosk.window.label(ComponentNames.pinPadBox(3)).requireText("");
        screen.pressAndReleaseKeys(KeyEvent.VK_3);
        screen.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        assertThat(submitted()).containsExactly('8', '6', '4', '3');
    }

    @Test
    void leavingTheScreenWipesTheDigitsAndDropsTheKeyBindings() {
        tap(1, 2);
        PinPad pad = pad();
        kiosk.show(new VerifyingPin(Journey.REGISTER_INSURANCE_USE, 3));
        assertThat(GuiActionRunner.execute(pad::bufferWiped)).isTrue();
        boolean bound = GuiActionRunner.execute(() -> {
            javax.swing.InputMap inputs = kiosk.frame.getRootPane()
                    .getInputMap(javax.swing.JComponent.WHEN_IN_FOCUSED_WINDOW);
            return inputs.keys() != null && Arrays.stream(inputs.keys())
                    .anyMatch(key -> String.valueOf(inputs.get(key)).startsWith("pinPad."));
        });
        assertThat(bound).isFalse();
        assertThat(kiosk.events).isEmpty();
    }

    @Test
    void triesLeftWrongPinAndLastTryWarningAreShown() {
        kiosk.window.label(ComponentNames.ENTER_PIN_TRIES_LEFT).requireText("あと3回 入力できます");
        assertThat(kiosk.window.robot().finder().findAll(c -> ComponentNames.ENTER_PIN_WRONG.equals(c.getName())
                || ComponentNames.ENTER_PIN_LAST_TRY.equals(c.getName()))).isEmpty();

        kiosk.show(new EnterPin(Journey.REGISTER_INSURANCE_USE, 2, true));
        assertThat(text(ComponentNames.ENTER_PIN_WRONG)).contains("違います");
        kiosk.window.label(ComponentNames.ENTER_PIN_TRIES_LEFT).requireText("あと2回 入力できます");

        kiosk.show(new EnterPin(Journey.REGISTER_INSURANCE_USE, 1, true));
        kiosk.tapLanguage();
        kiosk.window.label(ComponentNames.ENTER_PIN_TRIES_LEFT).requireText("1 try left");
        assertThat(text(ComponentNames.ENTER_PIN_LAST_TRY)).contains("lock your card").contains("municipal office");
    }

    private String text(String name) {
        WrappedText text = kiosk.window.robot().finder().findByName(name, WrappedText.class);
        return GuiActionRunner.execute(text::getText);
    }

    private PinPad pad() {
        return kiosk.window.robot().finder().findByName(ComponentNames.PIN_PAD, PinPad.class);
    }

    private void tap(int... digits) {
        for (int digit : digits) {
            kiosk.window.button(ComponentNames.pinPadKey(digit)).click();
        }
    }

    private char[] submitted() {
        assertThat(kiosk.events).hasSize(1);
        assertThat(kiosk.events.get(0)).isInstanceOf(SessionEvent.PinSubmitted.class);
        return ((SessionEvent.PinSubmitted) kiosk.events.get(0)).digits();
    }
}
