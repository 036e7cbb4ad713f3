package jp.mynakiosk.insurance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import jp.mynakiosk.store.StoreException;

/**
 * Loads the simulator's insured persons into the eligibility database. Loading is idempotent: persons are upserted
 * by card id and insurers by name, and registrations listed in the file are upserted. Nothing is deleted: a person
 * removed from the file, or a registration made at the kiosk, stays (delete the database file to start afresh).
 * The whole file is checked before anything is written, and written in one transaction.
 */
public final class InsuranceSeed {
    public static final Path DEFAULT_FILE = Path.of("hardware-sim", "insurance", "insured-persons.csv");

    private final DataSource dataSource;

    public InsuranceSeed(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @return how many insured persons the file lists
     * @throws InsuranceSeedException naming the file, line and column when the file is unreadable or malformed
     * @throws StoreException         when the database cannot be written
     */
    public int load(Path file) {
        List<SeedRow> rows = InsuranceSeedFile.read(file);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (SeedRow row : rows) {
                    InsuredRecords.upsertPerson(c, row.person());
                    if (row.registration().isPresent()) {
                        RegistrationRecord r = row.registration().get();
                        InsuredRecords.upsertRegistration(c, r.cardId(), r.registeredOn(), r.consents());
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot load the insurance seed " + file + " into the eligibility database: SQLState "
                    + e.getSQLState() + ", " + e.getMessage(), e);
        }
        return rows.size();
    }
}
