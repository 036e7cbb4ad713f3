package jp.mynakiosk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;

/** Opens H2 file databases and PostgreSQL databases and brings their schema up to date with Flyway. */
public final class Databases {
    /** Migrations of the kiosk's own database (journal). */
    public static final String KIOSK_MIGRATIONS = "classpath:db/kiosk";
    /**
     * Migrations of the eligibility system's database: V1 per database ({@value #VENDOR} becomes {@code h2} or
     * {@code postgresql}), V2 on in portable SQL shared by both.
     */
    public static final String ELIGIBILITY_MIGRATIONS = "classpath:db/eligibility/common,classpath:db/eligibility/{vendor}";
    /** In a migrations location, replaced by the database's folder name ({@code h2} or {@code postgresql}). */
    public static final String VENDOR = "{vendor}";

    private static final String H2_SUFFIX = ".mv.db";
    /** Enough for the kiosk's threads and for the load benchmark's concurrent kiosks on two cores. */
    private static final int H2_CONNECTIONS = 8;

    private Databases() {
    }

    /**
     * Opens (creating if missing) the H2 database in {@code file} and applies the migrations found at
     * {@code migrationsLocation} (e.g. {@link #KIOSK_MIGRATIONS}).
     *
     * @param file the database file; H2's {@code .mv.db} suffix is added when missing
     * @throws DatabaseOpenException naming the file when it is corrupt, locked by another process,
     *                               not writable, or its schema cannot be migrated
     */
    public static H2FileDatabase openH2File(Path file, String migrationsLocation) {
        Path dbFile = withH2Suffix(file.toAbsolutePath().normalize());
        createParentDirectory(dbFile);
        String base = dbFile.toString().substring(0, dbFile.toString().length() - H2_SUFFIX.length());
        HikariDataSource pool = openH2Pool(dbFile, base);
        try {
            migrateH2(dbFile, pool, migrationsLocation);
            return new H2FileDatabase(dbFile, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * HikariCP rather than H2's own {@code JdbcConnectionPool}: H2's pool rolls back and rewraps the session on every
     * checkout, which empties H2's per-session statement cache, so every statement was parsed and planned again
     * (a third of a linking's time). Hikari hands back the same connection untouched.
     */
    private static HikariDataSource openH2Pool(Path dbFile, String base) {
        HikariConfig config = new HikariConfig();
        // IFEXISTS is not set: a missing file is a fresh database. The pool never logs credentials or data.
        // QUERY_CACHE_SIZE: a linking runs about ten distinct statements per connection; H2 keeps 8 parsed by default.
        config.setJdbcUrl("jdbc:h2:file:" + base + ";QUERY_CACHE_SIZE=64");
        config.setUsername("kiosk");
        config.setPassword("");
        config.setPoolName("h2:" + dbFile.getFileName());
        config.setMaximumPoolSize(H2_CONNECTIONS);
        // A local file has no network to time out: keep connections for the life of the pool, because H2 closes
        // (and must reopen) the whole database when its last connection closes.
        config.setMaxLifetime(0);
        config.setIdleTimeout(0);
        config.setConnectionTimeout(10_000);
        // Open the first connection now, once: that makes H2 read and lock the file, and a locked or corrupt file
        // is explained at once instead of after the connection timeout.
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            SQLException cause = e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
            throw new DatabaseOpenException(dbFile, "Cannot open database file " + dbFile + ": " + reason(cause), cause);
        }
    }

    private static Path withH2Suffix(Path file) {
        return file.toString().endsWith(H2_SUFFIX) ? file : Path.of(file + H2_SUFFIX);
    }

    private static void createParentDirectory(Path dbFile) {
        Path parent = dbFile.getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DatabaseOpenException(dbFile,
                    "Cannot open database file " + dbFile + ": cannot create its folder " + parent + " (" + e + ")", e);
        }
    }

    private static String reason(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 ->
                    "it is locked, probably in use by another kiosk process (" + e.getMessage() + ")";
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.IO_EXCEPTION_1,
                    ErrorCode.IO_EXCEPTION_2, ErrorCode.GENERAL_ERROR_1 ->
                    "it cannot be read: it is corrupt, not an H2 database of a supported version, or not readable ("
                            + e.getMessage() + ")";
            default -> e.getMessage();
        };
    }

    /**
     * Opens a pool of at most {@code maxConnections} connections to the PostgreSQL database at {@code jdbcUrl}
     * ({@code jdbc:postgresql://host:port/db}) and applies the migrations at {@code migrationsLocation}.
     *
     * @throws StoreException naming the URL (never the password) when the database cannot be reached or migrated
     */
    public static PostgresDatabase openPostgres(String jdbcUrl, String user, String password, int maxConnections,
                                                String migrationsLocation) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("expected a jdbc:postgresql://host:port/database URL, was " + jdbcUrl);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        config.setPoolName("eligibility");
        config.setConnectionTimeout(5_000);
        // Fail at once when the database is down at start: the operator sees the reason instead of a hang.
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot connect to " + jdbcUrl + " as " + user + ": " + rootMessage(e), e);
        }
        try {
            migrate(pool, migrationsLocation, "postgresql");
            return new PostgresDatabase(jdbcUrl, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("Cannot migrate " + jdbcUrl + " with the migrations at " + migrationsLocation
                    + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    private static void migrateH2(Path dbFile, DataSource pool, String migrationsLocation) {
        try {
            migrate(pool, migrationsLocation, "h2");
        } catch (FlywayException e) {
            throw new DatabaseOpenException(dbFile, "Cannot migrate database file " + dbFile + " with the migrations at "
                    + migrationsLocation + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource dataSource, String migrationsLocation, String vendor) {
        String[] locations = migrationsLocation.replace(VENDOR, vendor).split(",");
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
