package jp.mynakiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.mynakiosk.flow.ConsentTopic;
import jp.mynakiosk.flow.EndReason;
import jp.mynakiosk.flow.FaceNotice;
import jp.mynakiosk.flow.SessionState;

class MessagesTest {

    private static final Path UI_SOURCES = Path.of("src/main/java/jp/mynakiosk/ui");
    private static final Pattern KEY_IN_CALL = Pattern.compile("(?:text|format|new ScreenChrome)\\(\\s*\"([A-Za-z0-9_.]+)\"");
    private static final Pattern KEY_IN_TERNARY = Pattern.compile("\\?\\s*\"([a-z][A-Za-z0-9_]*\\.[A-Za-z0-9_.]+)\"\\s*:\\s*\"([a-z][A-Za-z0-9_]*\\.[A-Za-z0-9_.]+)\"");

    private final Messages japanese = Messages.of(Language.JAPANESE);
    private final Messages english = Messages.of(Language.ENGLISH);

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() {
        assertThat(new TreeSet<>(english.keys())).isEqualTo(new TreeSet<>(japanese.keys()));
    }

    @Test
    void everyKeyTheScreensUseExists() throws IOException {
        List<String> used = usedKeys();
        assertThat(used).as("the scan should find the keys the screens use").hasSizeGreaterThan(50);
        assertThat(japanese.keys()).containsAll(used);
        assertThat(english.keys()).containsAll(used);
    }

    @Test
    void everyEndReasonNoticeAndTopicHasItsOwnWords() {
        for (Messages messages : List.of(japanese, english)) {
            for (EndReason reason : EndReason.values()) {
                assertThat(messages.text(TakeCardScreen.reasonKey(reason))).isNotBlank();
            }
            for (FaceNotice notice : FaceNotice.values()) {
                if (notice != FaceNotice.NONE) {
                    assertThat(messages.text(FaceCaptureScreen.noticeKey(notice))).isNotBlank();
                }
            }
            for (ConsentTopic topic : ConsentTopic.values()) {
                assertThat(messages.text(ConsentsScreen.titleKey(topic))).isNotBlank();
                assertThat(messages.text(ConsentsScreen.explainKey(topic))).isNotBlank();
            }
            for (Class<?> state : SessionState.class.getPermittedSubclasses()) {
                assertThat(ComponentNames.screen(state)).startsWith("screen.");
            }
        }
        List<String> reasons = new ArrayList<>();
        for (EndReason reason : EndReason.values()) {
            reasons.add(english.text(TakeCardScreen.reasonKey(reason)));
        }
        assertThat(reasons).doesNotHaveDuplicates();
    }

    @Test
    void formattedMessagesHaveNoLoneApostrophes() {
        for (Messages messages : List.of(japanese, english)) {
            for (String key : messages.keys()) {
                String value = messages.text(key);
                if (value.contains("{0")) {
                    assertThat(value.replace("''", "")).as(key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void datesAndCountsReadNaturally() {
        LocalDate birth = LocalDate.of(1956, 3, 19);
        assertThat(japanese.date(birth)).isEqualTo("1956年3月19日");
        assertThat(english.date(birth)).isEqualTo("19 March 1956");
        assertThat(japanese.format("enterPin.triesLeft", 3)).isEqualTo("あと3回 入力できます");
        assertThat(english.format("enterPin.triesLeft", 3)).isEqualTo("3 tries left");
        assertThat(english.format("enterPin.triesLeft", 1)).isEqualTo("1 try left");
        assertThat(english.format("common.step", 2, 6)).isEqualTo("Step 2 of 6");
    }

    @Test
    void aMissingKeyNamesTheBundleAndTheKey() {
        assertThatThrownBy(() -> english.text("no.such.key"))
                .hasMessageContaining("no.such.key")
                .hasMessageContaining("Messages_en.properties");
    }

    private static List<String> usedKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(UI_SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String source = Files.readString(file);
                Matcher call = KEY_IN_CALL.matcher(source);
                while (call.find()) {
                    keys.add(call.group(1));
                }
                Matcher ternary = KEY_IN_TERNARY.matcher(source);
                while (ternary.find()) {
                    keys.add(ternary.group(1));
                    keys.add(ternary.group(2));
                }
            }
        }
        keys.add("common.dateFormat");
        return keys;
    }
}
