package jp.mynakiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.mynakiosk.flow.ConsentChoices;
import jp.mynakiosk.flow.Done;
import jp.mynakiosk.flow.EnterPin;
import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.LinkResult;
import jp.mynakiosk.flow.ReceiptOffer;
import org.junit.jupiter.api.Test;

class ScenarioTranscriptTest {

    @Test
    void theTranscriptShowsWhatScenariosExpectAndNothingAboutThePerson() {
        assertThat(ScenarioMode.describe(new EnterPin(Journey.REGISTER_INSURANCE_USE, 2, true)))
                .isEqualTo("  journey=REGISTER_INSURANCE_USE, triesLeft=2, afterWrongPin=true");
        String done = ScenarioMode.describe(new Done(LinkResult.REGISTERED, "全国健康保険協会 東京支部",
                LocalDate.of(2026, 11, 25), new ConsentChoices(true, false, true), ReceiptOffer.OFFERED));
        assertThat(done).contains("result=REGISTERED").contains("receipt=OFFERED")
                .doesNotContain("全国").doesNotContain("2026").doesNotContain("true");
    }
}
