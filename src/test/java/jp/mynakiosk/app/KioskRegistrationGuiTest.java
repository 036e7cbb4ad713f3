package jp.mynakiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.ConsentTopic;
import jp.mynakiosk.flow.SessionState;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.H2FileDatabase;
import jp.mynakiosk.ui.ComponentNames;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole registration, as a user does it: the real kiosk frame on the simulator, driven by clicking its
 * buttons and PIN pad with AssertJ-Swing, and then the H2 files checked for what landed.
 */
class KioskRegistrationGuiTest {

    @TempDir
    Path data;

    private Kiosk kiosk;
    private FrameFixture window;

    @BeforeAll
    static void failOnEdtViolations() {
        FailOnThreadViolationRepaintManager.install();
    }

    @AfterEach
    void tearDown() {
        if (window != null) {
            window.cleanUp();
        }
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private void start() throws InterruptedException {
        KioskConfig config = KioskConfig.load(Path.of("kiosk-config/qa.properties")).withDataDir(data)
                .withScreen(new KioskConfig.Screen(false, 1280, 800));
        kiosk = Kiosk.assemble(config);
        kiosk.showScreen();
        window = new FrameFixture(kiosk.frame());
        window.robot().waitForIdle();
    }

    @Test
    void aUserRegistersByTouchingTheScreenAndTheRegistrationLandsInTheDatabase() throws Exception {
        start();
        kiosk.simulator().orElseThrow().showCamera("astronaut.png");
        tap(ComponentNames.ATTRACT_START);
        tap(ComponentNames.MENU_REGISTER);
        tap(ComponentNames.TERMS_AGREE);
        awaitScreen("InsertCard");
        kiosk.simulator().orElseThrow().insert("yamada-hanako");
        awaitScreen("EnterPin");
        assertThat(window.label(ComponentNames.ENTER_PIN_TRIES_LEFT).text()).contains("3");
        for (char digit : "1234".toCharArray()) {
            tap(ComponentNames.pinPadKey(digit - '0'));
        }
        tap(ComponentNames.PIN_PAD_OK);

        awaitScreen("ConfirmHolder");
        assertThat(visibleTexts()).anyMatch(t -> t.contains("山田") && t.contains("花子"));
        window.label(ComponentNames.CONFIRM_HOLDER_PHOTO).requireVisible();
        tap(ComponentNames.CONFIRM_HOLDER_YES);
        awaitScreen("Consents");
        tap(ComponentNames.consentAnswer(ConsentTopic.TREATMENT_AND_MEDICATION, true));
        tap(ComponentNames.consentAnswer(ConsentTopic.HEALTH_CHECKUPS, false));
        tap(ComponentNames.CONSENTS_CONFIRM);
        awaitScreen("Done");
        tap(ComponentNames.DONE_FINISH);
        awaitScreen("TakeCard");
        kiosk.simulator().orElseThrow().remove();
        awaitScreen("Attract");

        await("nothing of the user is held after the session", kiosk::holdsNoPersonalData);
        assertThat(visibleTexts()).noneMatch(t -> t.contains("花子"));
        Path kioskDb = kiosk.kioskDatabase();
        kiosk.close();
        kiosk = null;

        try (H2FileDatabase db = Databases.openH2File(data.resolve("eligibility"), Databases.ELIGIBILITY_MIGRATIONS);
                Connection c = db.dataSource().getConnection();
                PreparedStatement q = c.prepareStatement("SELECT r.kiosk_id, s.share_treatment_and_medication, "
                        + "s.share_health_checkups FROM registration r JOIN consent s ON s.card_id = r.card_id "
                        + "WHERE r.card_id = 'SIM-0001'");
                ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).as("a registration for SIM-0001").isTrue();
            assertThat(rs.getString(1)).isEqualTo("QA-KIOSK-01");
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getBoolean(3)).isFalse();
            assertThat(rs.next()).isFalse();
        }
        List<String> journal = journalLines(kioskDb);
        assertThat(journal).anyMatch(l -> l.contains("Linking:LinkFinished:Done:REGISTERED"));
        assertThat(journal).anyMatch(l -> l.contains("TakeCard:CardRemoved:Attract"));
        assertThat(String.join("\n", journal)).doesNotContain("花子").doesNotContain("1234")
                .doesNotContain("900000000010").doesNotContain("1956");
    }

    @Test
    void physicalDigitKeysEnterThePinAndAWrongPinShowsTriesLeft() throws Exception {
        start();
        tap(ComponentNames.ATTRACT_START);
        tap(ComponentNames.MENU_REGISTER);
        tap(ComponentNames.TERMS_AGREE);
        awaitScreen("InsertCard");
        kiosk.simulator().orElseThrow().insert("yamada-hanako");
        awaitScreen("EnterPin");
        window.panel(ComponentNames.screen(jp.mynakiosk.flow.EnterPin.class)).pressAndReleaseKeys(
                java.awt.event.KeyEvent.VK_9, java.awt.event.KeyEvent.VK_9, java.awt.event.KeyEvent.VK_9,
                java.awt.event.KeyEvent.VK_9, java.awt.event.KeyEvent.VK_ENTER);
        await("the card has said the PIN was wrong", () -> {
            SessionState s = kiosk.controller().current();
            return s instanceof jp.mynakiosk.flow.EnterPin pin && pin.afterWrongPin();
        });
        window.robot().waitForIdle();
        assertThat(window.label(ComponentNames.ENTER_PIN_TRIES_LEFT).text()).contains("2");
        tap(ComponentNames.COMMON_CANCEL);
        awaitScreen("TakeCard");
        kiosk.simulator().orElseThrow().remove();
        await("back to the start", () -> kiosk.controller().current() instanceof Attract);
    }

    private void tap(String name) {
        await("a visible, enabled '" + name + "'", () -> GuiActionRunner.execute(() -> {
            Component c = find(kiosk.frame().getContentPane(), name);
            return c != null && c.isShowing() && c.isEnabled();
        }));
        window.button(name).click();
    }

    private void awaitScreen(String state) {
        await("the " + state + " screen", () -> GuiActionRunner.execute(() -> {
            Component c = find(kiosk.frame().getContentPane(), ComponentNames.SCREEN_PREFIX + state);
            return c != null && c.isShowing();
        }));
        window.robot().waitForIdle();
    }

    private static void await(String what, Supplier<Boolean> condition) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return condition.get();
            }
        }, Timeout.timeout(20_000));
    }

    private List<String> visibleTexts() {
        return GuiActionRunner.execute(() -> {
            List<String> texts = new ArrayList<>();
            collect(kiosk.frame().getContentPane(), texts);
            return texts;
        });
    }

    private static void collect(Container container, List<String> texts) {
        for (Component child : container.getComponents()) {
            if (!child.isShowing()) {
                continue;
            }
            String text = null;
            if (child instanceof JLabel label) {
                text = label.getText();
            } else if (child instanceof AbstractButton button) {
                text = button.getText();
            } else if (child.getAccessibleContext() != null) {
                text = child.getAccessibleContext().getAccessibleName();
            }
            if (text != null) {
                texts.add(text);
            }
            if (child instanceof Container inner) {
                collect(inner, texts);
            }
        }
    }

    private static Component find(Container container, String name) {
        for (Component child : container.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            if (child instanceof Container inner) {
                Component found = find(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> journalLines(Path kioskDb) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (H2FileDatabase db = Databases.openH2File(kioskDb, Databases.KIOSK_MIGRATIONS);
                Connection c = db.dataSource().getConnection();
                PreparedStatement q = c.prepareStatement("SELECT kind, code, session_id FROM journal ORDER BY id");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return lines;
    }
}
