package jp.mynakiosk.store;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** An open, migrated PostgreSQL database behind a connection pool. Closing it closes the pool. */
public final class PostgresDatabase implements AutoCloseable {
    private final String jdbcUrl;
    private final HikariDataSource pool;

    PostgresDatabase(String jdbcUrl, HikariDataSource pool) {
        this.jdbcUrl = jdbcUrl;
        this.pool = pool;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The database's JDBC URL (it holds no password). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        pool.close();
    }
}
