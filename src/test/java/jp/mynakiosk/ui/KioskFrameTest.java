package jp.mynakiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Component;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.swing.JButton;

import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.Attract;
import jp.mynakiosk.flow.ConfirmHolder;
import jp.mynakiosk.flow.ConsentChoices;
import jp.mynakiosk.flow.Consents;
import jp.mynakiosk.flow.Done;
import jp.mynakiosk.flow.EndReason;
import jp.mynakiosk.flow.EnterPin;
import jp.mynakiosk.flow.FaceCapture;
import jp.mynakiosk.flow.FaceNotice;
import jp.mynakiosk.flow.HolderSummary;
import jp.mynakiosk.flow.InsertCard;
import jp.mynakiosk.flow.LinkResult;
import jp.mynakiosk.flow.ReceiptOffer;
import jp.mynakiosk.flow.Menu;
import jp.mynakiosk.flow.ReadingCard;
import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.flow.StillThere;
import jp.mynakiosk.flow.TakeCard;
import jp.mynakiosk.flow.Terms;

class KioskFrameTest {

    private static final Set<Class<?>> CANCELLABLE = Set.of(Menu.class, Terms.class, InsertCard.class,
            EnterPin.class, FaceCapture.class, ConfirmHolder.class, Consents.class, StillThere.class);
    private static final String NAME = "試験 太郎";

    private KioskHarness kiosk;

    @BeforeAll
    static void checkThreads() {
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void open() {
        kiosk = KioskHarness.open(ScreenGallery.sampleCamera());
    }

    @AfterEach
    void close() {
        kiosk.close();
    }

    @Test
    void everyScreenBuildsInBothLanguagesWithTheSameFrame() {
        for (ScreenGallery.Sample sample : ScreenGallery.samples()) {
            for (Language language : Language.values()) {
                kiosk.show(sample.state());
                if (kiosk.language() != language) {
                    kiosk.switchLanguage();
                }
                String where = sample.name() + " in " + language;
                assertThat(kiosk.language()).as(where).isEqualTo(language);
                kiosk.window.panel(ComponentNames.screen(sample.state().getClass())).requireVisible();
                kiosk.window.button(ComponentNames.COMMON_LANGUAGE).requireVisible().requireEnabled();
                assertThat(kiosk.window.label(ComponentNames.COMMON_TITLE).text()).as(where).isNotBlank();
                boolean cancel = !kiosk.window.robot().finder().findAll(kiosk.frame.getContentPane(),
                        c -> ComponentNames.COMMON_CANCEL.equals(c.getName()) && c.isShowing()).isEmpty();
                assertThat(cancel).as("Cancel on " + where).isEqualTo(CANCELLABLE.contains(sample.state().getClass()));
            }
        }
    }

    @Test
    void everyButtonIsAtLeast80PixelsTallAndTextIsLarge() {
        for (ScreenGallery.Sample sample : ScreenGallery.samples()) {
            kiosk.show(sample.state());
            List<Component> buttons = List.copyOf(kiosk.window.robot().finder().findAll(kiosk.frame.getContentPane(),
                    c -> c instanceof JButton && c.getName() != null && c.isShowing()));
            for (Component button : buttons) {
                int height = GuiActionRunner.execute(button::getHeight);
                assertThat(height).as(button.getName() + " on " + sample.name()).isGreaterThanOrEqualTo(80);
            }
            List<Component> texts = List.copyOf(kiosk.window.robot().finder().findAll(kiosk.frame.getContentPane(),
                    c -> KioskHarness.textOf(c) != null && c.isShowing()));
            for (Component text : texts) {
                int size = GuiActionRunner.execute(() -> text.getFont().getSize());
                assertThat(size).as(text.getName() + " on " + sample.name()).isGreaterThanOrEqualTo(26);
            }
        }
    }

    @Test
    void theLanguageToggleSwitchesEveryLabel() {
        for (ScreenGallery.Sample sample : ScreenGallery.samples()) {
            kiosk.show(sample.state());
            assertThat(kiosk.language()).isEqualTo(Language.JAPANESE);
            List<String> japanese = kiosk.texts();
            kiosk.switchLanguage();
            List<String> english = kiosk.texts();
            assertThat(english).as(sample.name()).hasSameSizeAs(japanese);
            for (int i = 0; i < japanese.size(); i++) {
                String before = japanese.get(i);
                if (before.isBlank() || before.matches("\\d") || before.contains("山田")) {
                    continue;
                }
                assertThat(english.get(i)).as(sample.name() + ": " + before).isNotEqualTo(before);
            }
            kiosk.switchLanguage();
            assertThat(kiosk.texts()).as("back to Japanese on " + sample.name()).isEqualTo(japanese);
        }
    }

    @Test
    void aNewUserStartsInJapanese() {
        kiosk.show(new Menu());
        kiosk.tapLanguage();
        assertThat(kiosk.language()).isEqualTo(Language.ENGLISH);
        kiosk.show(new Terms(Journey.REGISTER_INSURANCE_USE));
        assertThat(kiosk.language()).as("the language stays for the same user").isEqualTo(Language.ENGLISH);
        kiosk.show(new Attract());
        assertThat(kiosk.language()).isEqualTo(Language.JAPANESE);
        kiosk.window.label(ComponentNames.COMMON_TITLE).requireText("マイナ保険証の利用登録");
    }

    @Test
    void theAttractScreenCanBeSwitchedToEnglishBeforeStarting() {
        kiosk.show(new Attract());
        kiosk.tapLanguage();
        assertThat(kiosk.language()).isEqualTo(Language.ENGLISH);
        kiosk.window.label(ComponentNames.COMMON_TITLE).requireText("My Number card as health insurance card");
        kiosk.window.button(ComponentNames.ATTRACT_START).click();
        assertThat(kiosk.events).containsExactly(new SessionEvent.Touched());
        kiosk.show(new Menu());
        assertThat(kiosk.language()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void nothingOfThePreviousUserRemainsOnAttract() {
        HolderSummary holder = new HolderSummary(NAME, LocalDate.of(1961, 7, 4));
        kiosk.show(new FaceCapture(Journey.REGISTER_INSURANCE_USE, holder, true, 1, FaceNotice.NOT_MATCHED, false));
        kiosk.show(new ConfirmHolder(Journey.REGISTER_INSURANCE_USE, holder, true));
        assertThat(kiosk.texts()).anyMatch(text -> text.contains(NAME));
        kiosk.show(new Done(LinkResult.REGISTERED, "試験健康保険組合", LocalDate.of(2026, 1, 5), null,
                ReceiptOffer.NONE));
        kiosk.show(new TakeCard(EndReason.FINISHED, false));
        kiosk.show(new Attract());
        List<Component> all = List.copyOf(kiosk.window.robot().finder().findAll(kiosk.frame.getRootPane(),
                c -> true));
        for (Component component : all) {
            String text = GuiActionRunner.execute(() -> KioskHarness.textOf(component));
            if (text != null) {
                assertThat(text).doesNotContain(NAME).doesNotContain("試験健康保険組合").doesNotContain("1961");
            }
        }
        assertThat(all).noneMatch(c -> c instanceof FacePreview || c instanceof PinPad);
    }

    @Test
    void tapsBecomeIntents() {
        kiosk.show(new Menu());
        kiosk.window.button(ComponentNames.MENU_REGISTER).click();
        kiosk.show(new Terms(Journey.REGISTER_INSURANCE_USE));
        kiosk.window.button(ComponentNames.TERMS_AGREE).click();
        kiosk.window.button(ComponentNames.TERMS_DECLINE).click();
        kiosk.window.button(ComponentNames.COMMON_CANCEL).click();
        kiosk.show(new FaceCapture(Journey.REGISTER_INSURANCE_USE, new HolderSummary(NAME, LocalDate.of(1961, 7, 4)), false, 1,
                FaceNotice.NO_FACE, false));
        kiosk.window.button(ComponentNames.FACE_RETRY).click();
        kiosk.show(new ConfirmHolder(Journey.REGISTER_INSURANCE_USE, new HolderSummary(NAME, LocalDate.of(1961, 7, 4)), false));
        kiosk.window.button(ComponentNames.CONFIRM_HOLDER_NO).click();
        kiosk.window.button(ComponentNames.CONFIRM_HOLDER_YES).click();
        kiosk.show(new Done(LinkResult.ALREADY_REGISTERED, "協会けんぽ", LocalDate.of(2024, 5, 7), null,
                ReceiptOffer.OFFERED));
        kiosk.window.button(ComponentNames.DONE_FINISH).click();
        kiosk.show(new StillThere(new Consents(Journey.REGISTER_INSURANCE_USE, "全国健康保険協会 東京支部", ConsentChoices.unanswered(false))));
        kiosk.window.button(ComponentNames.STILL_THERE_CONTINUE).click();
        assertThat(kiosk.events).containsExactly(
                new SessionEvent.JourneyChosen(jp.mynakiosk.flow.Journey.REGISTER_INSURANCE_USE),
                new SessionEvent.TermsAgreed(), new SessionEvent.TermsDeclined(), new SessionEvent.Cancelled(),
                new SessionEvent.FaceRetry(), new SessionEvent.HolderDenied(), new SessionEvent.HolderConfirmed(),
                new SessionEvent.Finished(), new SessionEvent.StillHere());
    }

    @Test
    void theScreenSaysWhatEachNoticeAndReasonMeans() {
        kiosk.show(new FaceCapture(Journey.REGISTER_INSURANCE_USE, new HolderSummary(NAME, LocalDate.of(1961, 7, 4)), true, 2,
                FaceNotice.SEVERAL_FACES, false));
        assertThat(wrappedText(ComponentNames.FACE_NOTICE)).contains("複数");
        assertThat(kiosk.texts()).contains("あと1回 確認できます");

        kiosk.show(new TakeCard(EndReason.NO_ELIGIBILITY_DATA, false));
        kiosk.switchLanguage();
        assertThat(wrappedText(ComponentNames.TAKE_CARD_REASON)).contains("insurer").contains("資格確認書");
        assertThat(kiosk.texts()).noneMatch(text -> text.contains("staff member has been called"));
        kiosk.show(new TakeCard(EndReason.NO_ELIGIBILITY_DATA, true));
        assertThat(kiosk.texts()).anyMatch(text -> text.contains("staff member has been called"));
    }

    @Test
    void waitingAnimationsAndTheCameraStopWhenTheScreenGoes() {
        kiosk.show(new ReadingCard(Journey.REGISTER_INSURANCE_USE));
        BusyIndicator busy = kiosk.window.robot().finder().findByType(kiosk.frame.getContentPane(),
                BusyIndicator.class);
        assertThat(GuiActionRunner.execute(busy::animating)).isTrue();
        kiosk.show(new FaceCapture(Journey.REGISTER_INSURANCE_USE, new HolderSummary(NAME, LocalDate.of(1961, 7, 4)), true, 0, FaceNotice.NONE,
                true));
        assertThat(GuiActionRunner.execute(busy::animating)).isFalse();
        FacePreview preview = kiosk.window.robot().finder().findByName(ComponentNames.FACE_PREVIEW,
                FacePreview.class);
        assertThat(GuiActionRunner.execute(preview::animating)).isTrue();
        kiosk.show(new Attract());
        assertThat(GuiActionRunner.execute(preview::animating)).isFalse();
    }

    @Test
    void showMustBeCalledOnTheEventDispatchThread() {
        assertThatThrownBy(() -> kiosk.frame.show(new Menu()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event dispatch thread");
    }

    private String wrappedText(String name) {
        WrappedText text = kiosk.window.robot().finder().findByName(name, WrappedText.class);
        return GuiActionRunner.execute(text::getText);
    }
}
