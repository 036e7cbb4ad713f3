package jp.mynakiosk.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;

/** An open, migrated H2 file database. Closing it closes every pooled connection, which closes the file. */
public final class H2FileDatabase implements AutoCloseable {
    private final Path file;
    private final HikariDataSource pool;

    H2FileDatabase(Path file, HikariDataSource pool) {
        this.file = file;
        this.pool = pool;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The database file, including H2's {@code .mv.db} suffix. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        pool.close();
    }
}
