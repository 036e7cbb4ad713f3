package jp.mynakiosk.receipt;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Lays a {@link Receipt} out as the printer's text lines, in Japanese or English. */
public final class ReceiptFormatter {
    private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.JAPAN);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final boolean japanese;

    /** @param locale Japanese for {@code ja}, English for anything else */
    public ReceiptFormatter(Locale locale) {
        this.japanese = "ja".equals(Objects.requireNonNull(locale, "locale").getLanguage());
    }

    public List<String> lines(Receipt receipt) {
        List<String> lines = new ArrayList<>();
        lines.add(japanese ? "マイナ保険証 受付控え" : "My Number health insurance: receipt");
        lines.add("");
        lines.add((japanese ? "日時: " : "Date: ") + receipt.issuedAt().format(japanese ? JA_TIME : EN_TIME));
        lines.add((japanese ? "端末: " : "Kiosk: ") + receipt.kioskId());
        lines.add((japanese ? "手続き: " : "Service: ") + receipt.journey());
        lines.add((japanese ? "結果: " : "Result: ") + receipt.outcome());
        receipt.consents().ifPresent(consents -> {
            lines.add("");
            lines.add(japanese ? "情報提供への同意" : "Information shared with clinics");
            lines.add((japanese ? "・診療・お薬の情報: " : "- Treatment and medication: ")
                    + yesNo(consents.treatmentAndMedication()));
            consents.healthCheckups().ifPresent(shared -> lines.add(
                    (japanese ? "・特定健診の情報: " : "- Specific health check-ups: ") + yesNo(shared)));
            lines.add(japanese ? "・高額療養費の限度額情報: 自動で提供（2024年10月から）"
                    : "- High-cost care limit: shared automatically (since October 2024)");
        });
        lines.add("");
        lines.add(japanese ? "この控えには個人を特定する情報は記載していません。"
                : "This receipt holds nothing that identifies you.");
        return List.copyOf(lines);
    }

    private String yesNo(boolean yes) {
        if (japanese) {
            return yes ? "同意する" : "同意しない";
        }
        return yes ? "yes" : "no";
    }
}
