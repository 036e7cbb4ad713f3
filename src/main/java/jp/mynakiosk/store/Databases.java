package jp.mynakiosk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/** Opens H2 file databases and brings their schema up to date with Flyway. */
public final class Databases {
    /** Migrations of the kiosk's own database (journal). */
    public static final String KIOSK_MIGRATIONS = "classpath:db/kiosk";
    /** Migrations of the embedded eligibility system's database. */
    public static final String ELIGIBILITY_MIGRATIONS = "classpath:db/eligibility";

    private static final String H2_SUFFIX = ".mv.db";

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
        // IFEXISTS is not set: a missing file is a fresh database. The pool never logs credentials or data.
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + base, "kiosk", "");
        try {
            checkOpens(dbFile, pool);
            migrate(dbFile, pool, migrationsLocation);
            return new H2FileDatabase(dbFile, pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
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

    private static void checkOpens(Path dbFile, JdbcConnectionPool pool) {
        try (Connection ignored = pool.getConnection()) {
            // Opening one connection is enough to make H2 read and lock the file.
        } catch (SQLException e) {
            throw new DatabaseOpenException(dbFile, "Cannot open database file " + dbFile + ": " + reason(e), e);
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

    private static void migrate(Path dbFile, JdbcConnectionPool pool, String migrationsLocation) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(migrationsLocation)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseOpenException(dbFile, "Cannot migrate database file " + dbFile + " with the migrations at "
                    + migrationsLocation + ": " + e.getMessage(), e);
        }
    }
}
