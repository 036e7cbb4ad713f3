package jp.mynakiosk.store;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The journal in the kiosk database (migrations in {@code db/kiosk}). Times are stored in UTC to the microsecond.
 * Nothing that identifies the user is ever written: {@link JournalEntry} admits technical tokens only.
 */
public final class H2Journal implements Journal {
    private static final System.Logger LOG = System.getLogger(H2Journal.class.getName());

    private final DataSource dataSource;

    public H2Journal(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean record(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String sql = "INSERT INTO journal (occurred_at, session_id, kind, code, millis) VALUES (?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, OffsetDateTime.ofInstant(entry.at().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            if (entry.sessionId() == null) {
                s.setNull(2, Types.VARCHAR);
            } else {
                s.setString(2, entry.sessionId());
            }
            s.setString(3, entry.kind());
            s.setString(4, entry.code());
            s.setLong(5, entry.millis());
            s.executeUpdate();
            return true;
        } catch (SQLException | RuntimeException e) {
            // The entry holds technical tokens only, so naming its kind and code is safe.
            LOG.log(Level.WARNING, "Journal write failed for kind=" + entry.kind() + " code=" + entry.code()
                    + ": SQLState " + sqlState(e) + ", " + e.getMessage());
            return false;
        }
    }

    @Override
    public List<JournalEntry> recent(int n) {
        if (n < 1 || n > MAX_RECENT) {
            throw new IllegalArgumentException("n must be between 1 and " + MAX_RECENT + ", was " + n);
        }
        String sql = "SELECT occurred_at, session_id, kind, code, millis FROM journal ORDER BY id DESC FETCH FIRST ? ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, n);
            try (ResultSet r = s.executeQuery()) {
                List<JournalEntry> entries = new ArrayList<>();
                while (r.next()) {
                    entries.add(new JournalEntry(r.getObject(1, OffsetDateTime.class).toInstant(),
                            r.getString(2), r.getString(3), r.getString(4), r.getLong(5)));
                }
                return List.copyOf(entries);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the journal: SQLState " + e.getSQLState() + ", " + e.getMessage(), e);
        }
    }

    private static String sqlState(Exception e) {
        return e instanceof SQLException sql ? sql.getSQLState() : "-";
    }
}
