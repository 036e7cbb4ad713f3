package jp.mynakiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiptFormatterTest {
    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 25, 10, 5, 0, 0, ZoneId.of("Asia/Tokyo"));

    @Test
    void japaneseReceiptSaysDateKioskOutcomeAndConsents() {
        Receipt receipt = new Receipt(AT, "SIM-KIOSK-01", "保険証利用登録", "登録しました",
                Optional.of(new ReceiptConsents(true, Optional.of(false))));

        assertThat(new ReceiptFormatter(Locale.JAPANESE).lines(receipt)).contains(
                "日時: 2026年11月25日 10:05", "端末: SIM-KIOSK-01", "手続き: 保険証利用登録", "結果: 登録しました",
                "・診療・お薬の情報: 同意する", "・特定健診の情報: 同意しない",
                "・高額療養費の限度額情報: 自動で提供（2024年10月から）");
    }

    @Test
    void checkUpsAreLeftOutWhenTheChoiceWasNotOffered() {
        Receipt receipt = new Receipt(AT, "K1", "Register", "Registered",
                Optional.of(new ReceiptConsents(false, Optional.empty())));

        assertThat(new ReceiptFormatter(Locale.ENGLISH).lines(receipt))
                .contains("Date: 25 Nov 2026 10:05", "- Treatment and medication: no")
                .noneMatch(line -> line.contains("check-ups"));
    }

    @Test
    void withoutConsentsNoConsentSection() {
        Receipt receipt = new Receipt(AT, "K1", "Register", "Records do not match", Optional.empty());

        assertThat(new ReceiptFormatter(Locale.ENGLISH).lines(receipt)).noneMatch(line -> line.contains("High-cost"));
    }

    @Test
    void aTextThatLooksLikeAMyNumberIsRefused() {
        assertThatThrownBy(() -> new Receipt(AT, "K1", "Register", "1234 5678 9012", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome")
                .hasMessageNotContaining("1234");
        assertThatThrownBy(() -> new Receipt(AT, "K1", "x".repeat(81), "ok", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journey");
    }
}
