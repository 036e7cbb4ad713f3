package jp.mynakiosk.insurance.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty PostgreSQL database for one test class, dropped afterwards. The server to use comes from
 * {@code MYNA_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code MYNA_TEST_PG_USER}
 * and {@code MYNA_TEST_PG_PASSWORD} (default {@code myna}/{@code myna}, a role with CREATEDB; .ci/run makes it).
 * Without a reachable server the tests are skipped, saying so; unless {@value #RESTART} is set (.ci/run sets it for
 * the cluster it started), then an unreachable server fails them.
 */
final class TestPostgres implements AutoCloseable {
    /** Environment variable: a command that restarts the test PostgreSQL (only .ci/run's throw-away cluster). */
    static final String RESTART = "MYNA_TEST_PG_RESTART";

    final String url;
    final String user;
    final String password;
    private final String adminUrl;
    private final String name;

    private TestPostgres(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    static TestPostgres createOrSkip() {
        String adminUrl = env("MYNA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("MYNA_TEST_PG_USER", "myna");
        String password = env("MYNA_TEST_PG_PASSWORD", "myna");
        String name = "myna_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (System.getenv(RESTART) != null) {
                Assertions.fail("No PostgreSQL for the fleet tests at " + adminUrl + " as " + user + " ("
                        + e.getMessage() + "), though " + RESTART + " says .ci/run started one");
            }
            Assumptions.abort("No PostgreSQL for the fleet tests at " + adminUrl + " as " + user + " (" + e.getMessage()
                    + "); set MYNA_TEST_PG_URL, MYNA_TEST_PG_USER, MYNA_TEST_PG_PASSWORD, or run .ci/run, which starts one");
        }
        return new TestPostgres(adminUrl, user, password, name);
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "2");
        p.setProperty("loginTimeout", "2");
        return DriverManager.getConnection(url, p);
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
