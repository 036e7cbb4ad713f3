package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.PostgresDatabase;
import org.junit.jupiter.api.Test;

/** The faults on PostgreSQL, plus the database going away under the server. Skipped without PostgreSQL. */
class PostgresFaultTest extends FaultTests {
    private TestPostgres postgres;
    private PostgresDatabase db;

    @Override
    DataSource openDatabase() {
        postgres = TestPostgres.createOrSkip();
        db = Databases.openPostgres(postgres.url, postgres.user, postgres.password, 8, Databases.ELIGIBILITY_MIGRATIONS);
        return db.dataSource();
    }

    @Override
    void closeDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void databaseRestartedUnderTheServerLosesAndDoublesNothing() throws Exception {
        assertThat(remote.link(cards.link(remote, "KIOSK-F", "SIM-0001", Cards.YAMADA)))
                .isInstanceOf(LinkOutcome.Registered.class);

        postgres.dropAllConnections();

        assertThat(remote.link(cards.link(remote, "KIOSK-F", "SIM-0002", Cards.SATO)))
                .as("the pool replaces its dead connections; the kiosk's retries cover the gap")
                .isInstanceOf(LinkOutcome.Registered.class);
        assertThat(fleet.count("SELECT COUNT(*) FROM registration WHERE kiosk_id = 'KIOSK-F'")).isEqualTo(2);
        assertThat(fleet.count("SELECT COUNT(*) FROM link_request")).isEqualTo(2);
    }
}
