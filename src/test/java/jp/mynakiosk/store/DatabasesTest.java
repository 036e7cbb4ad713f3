package jp.mynakiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasesTest {
    @TempDir
    Path dir;

    @Test
    void freshFileIsCreatedAndMigrated() throws Exception {
        try (H2FileDatabase db = Databases.openH2File(dir.resolve("kiosk"), Databases.KIOSK_MIGRATIONS)) {
            assertThat(db.file()).isEqualTo(dir.resolve("kiosk.mv.db"));
            assertThat(Files.exists(db.file())).isTrue();
            assertThat(tableCount(db, "JOURNAL")).isEqualTo(1);
        }
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateTwice() throws Exception {
        Path file = dir.resolve("kiosk.mv.db");
        try (H2FileDatabase db = Databases.openH2File(file, Databases.KIOSK_MIGRATIONS)) {
            execute(db, "INSERT INTO journal (occurred_at, kind, code, millis) VALUES (CURRENT_TIMESTAMP, 'k', 'c', 0)");
        }
        try (H2FileDatabase db = Databases.openH2File(file, Databases.KIOSK_MIGRATIONS)) {
            assertThat(count(db, "SELECT COUNT(*) FROM journal")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'")).isEqualTo(1);
        }
    }

    @Test
    void corruptFileIsNamedInTheMessage() throws Exception {
        Path file = dir.resolve("broken.mv.db");
        Files.writeString(file, "this is not an H2 database".repeat(100));
        assertThatThrownBy(() -> Databases.openH2File(file, Databases.KIOSK_MIGRATIONS))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("corrupt");
    }

    @Test
    void lockedFileIsNamedInTheMessage() throws Exception {
        Path file = dir.resolve("locked.mv.db");
        Databases.openH2File(file, Databases.KIOSK_MIGRATIONS).close();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            assertThatThrownBy(() -> Databases.openH2File(file, Databases.KIOSK_MIGRATIONS))
                    .isInstanceOf(DatabaseOpenException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("locked");
        }
    }

    @Test
    void missingMigrationsAreNamedInTheMessage() {
        Path file = dir.resolve("other.mv.db");
        assertThatThrownBy(() -> Databases.openH2File(file, "classpath:db/nowhere"))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("classpath:db/nowhere");
    }

    private static int tableCount(H2FileDatabase db, String table) throws Exception {
        return count(db, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '" + table + "'");
    }

    private static int count(H2FileDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void execute(H2FileDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
