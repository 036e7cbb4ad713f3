package jp.mynakiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.ConsentChoices;
import jp.mynakiosk.flow.ConsentTopic;
import jp.mynakiosk.flow.Consents;
import jp.mynakiosk.flow.SessionEvent;

class ConsentsScreenTest {

    private static final ConsentTopic TREATMENT = ConsentTopic.TREATMENT_AND_MEDICATION;
    private static final ConsentTopic CHECKUPS = ConsentTopic.HEALTH_CHECKUPS;

    private KioskHarness kiosk;

    @BeforeAll
    static void checkThreads() {
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void open() {
        kiosk = KioskHarness.open();
    }

    @AfterEach
    void close() {
        kiosk.close();
    }

    @Test
    void registerIsEnabledOnlyOnceEveryQuestionIsAnswered() {
        ConsentChoices choices = ConsentChoices.unanswered(true);
        kiosk.show(new Consents(Journey.REGISTER_INSURANCE_USE, "全国健康保険協会 東京支部", choices));
        kiosk.window.button(ComponentNames.CONSENTS_CONFIRM).requireDisabled();

        choices = choices.answer(TREATMENT, true);
        kiosk.show(new Consents(Journey.REGISTER_INSURANCE_USE, "全国健康保険協会 東京支部", choices));
        kiosk.window.button(ComponentNames.CONSENTS_CONFIRM).requireDisabled();

        choices = choices.answer(CHECKUPS, false);
        kiosk.show(new Consents(Journey.REGISTER_INSURANCE_USE, "全国健康保険協会 東京支部", choices));
        kiosk.window.button(ComponentNames.CONSENTS_CONFIRM).requireEnabled().click();
        assertThat(kiosk.events).containsExactly(new SessionEvent.ConsentsConfirmed());
    }

    @Test
    void answersAreSentAndTheCurrentAnswerIsShown() {
        kiosk.show(new Consents(Journey.REGISTER_INSURANCE_USE, "全国健康保険協会 東京支部", ConsentChoices.unanswered(true)));
        kiosk.window.button(ComponentNames.consentAnswer(TREATMENT, true)).click();
        kiosk.window.button(ComponentNames.consentAnswer(CHECKUPS, false)).click();
        assertThat(kiosk.events).containsExactly(new SessionEvent.ConsentAnswered(TREATMENT, true),
                new SessionEvent.ConsentAnswered(CHECKUPS, false));

        kiosk.show(new Consents(Journey.REGISTER_INSURANCE_USE, "全国健康保険協会 東京支部", ConsentChoices.unanswered(true).answer(TREATMENT, true).answer(CHECKUPS, false)));
        assertThat(selected(ComponentNames.consentAnswer(TREATMENT, true))).isTrue();
        assertThat(selected(ComponentNames.consentAnswer(TREATMENT, false))).isFalse();
        assertThat(selected(ComponentNames.consentAnswer(CHECKUPS, false))).isTrue();
        assertThat(kiosk.window.button(ComponentNames.consentAnswer(CHECKUPS, true)).text()).startsWith("\u25CB");
        assertThat(kiosk.window.button(ComponentNames.consentAnswer(CHECKUPS, false)).text()).startsWith("\u25CF");
    }

    private boolean selected(String name) {
        javax.swing.JButton button = kiosk.window.button(name).target();
        return GuiActionRunner.execute(button::isSelected);
    }

    @Test
    void checkupsAreAskedOnlyWhenOffered() {
        kiosk.show(new Consents(Journey.REGISTER_INSURANCE_USE, "全国健康保険協会 東京支部", ConsentChoices.unanswered(false)));
        assertThat(kiosk.window.robot().finder().findAll(kiosk.frame.getContentPane(),
                c -> c.getName() != null && c.getName().startsWith("consents." + CHECKUPS.name()))).isEmpty();
        kiosk.window.button(ComponentNames.CONSENTS_CONFIRM).requireDisabled();
        kiosk.show(new Consents(Journey.REGISTER_INSURANCE_USE, "全国健康保険協会 東京支部", ConsentChoices.unanswered(false).answer(TREATMENT, false)));
        kiosk.window.button(ComponentNames.CONSENTS_CONFIRM).requireEnabled();
    }

    @Test
    void theHighCostCareNoteIsShownNotAsked() {
        kiosk.show(new Consents(Journey.REGISTER_INSURANCE_USE, "全国健康保険協会 東京支部", ConsentChoices.unanswered(true)));
        assertThat(kiosk.texts()).anyMatch(text -> text.contains("2024年10月"));
        kiosk.tapLanguage();
        assertThat(kiosk.texts()).anyMatch(text -> text.contains("October 2024"));
    }
}
