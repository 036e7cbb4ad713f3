package jp.mynakiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2JournalTest {
    private static final Instant T0 = Instant.parse("2026-11-25T01:02:03.123456Z");

    @TempDir
    Path dir;
    private H2FileDatabase db;
    private H2Journal journal;

    @BeforeEach
    void open() {
        db = Databases.openH2File(dir.resolve("kiosk"), Databases.KIOSK_MIGRATIONS);
        journal = new H2Journal(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recordedEntriesComeBackNewestFirst() {
        JournalEntry inserted = new JournalEntry(T0, "s-1", "card.inserted", "OK", 0);
        JournalEntry pin = new JournalEntry(T0.plusSeconds(5), "s-1", "pin.verify", "WRONG_PIN:tries=2", 312);
        JournalEntry fault = new JournalEntry(T0.plusSeconds(9), null, "device.fault", "CARD_READER:HARDWARE_ERROR", 0);

        assertThat(journal.record(inserted)).isTrue();
        assertThat(journal.record(pin)).isTrue();
        assertThat(journal.record(fault)).isTrue();

        assertThat(journal.recent(2)).containsExactly(fault, pin);
        assertThat(journal.recent(10)).containsExactly(fault, pin, inserted);
    }

    @Test
    void entriesSurviveReopeningTheFile() {
        JournalEntry entry = new JournalEntry(T0, "s-2", "link.outcome", "REGISTERED", 1200);
        journal.record(entry);
        db.close();
        db = Databases.openH2File(dir.resolve("kiosk"), Databases.KIOSK_MIGRATIONS);

        assertThat(new H2Journal(db.dataSource()).recent(1)).containsExactly(entry);
    }

    @Test
    void aFailedWriteIsReportedNotThrown() {
        db.close();

        boolean stored = journal.record(new JournalEntry(T0, "s-3", "card.removed", "OK", 0));

        assertThat(stored).isFalse();
    }

    @Test
    void freeTextCannotBeJournalled() {
        assertThatThrownBy(() -> new JournalEntry(T0, "s-4", "holder.name", "山田 花子", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("山田");
        assertThatThrownBy(() -> new JournalEntry(T0, "s-4", "note", "the user said hello", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalEntry(T0, "s-4", "x", "y", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recentIsBounded() {
        assertThatThrownBy(() -> journal.recent(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.recent(Journal.MAX_RECENT + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.recent(Journal.MAX_RECENT)).isEqualTo(List.of());
    }
}
