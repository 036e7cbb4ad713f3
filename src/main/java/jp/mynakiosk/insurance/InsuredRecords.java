package jp.mynakiosk.insurance;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Optional;

/** The insurer, insured person, registration and consent tables. */
final class InsuredRecords {
    private InsuredRecords() {
    }

    /** An insured person with the card's registration, if it has one. */
    record OnFile(InsuredPerson person, Optional<RegistrationRecord> registration) {
    }

    /** The person the card id names and their registration, in one look-up (it runs on every linking). */
    static Optional<OnFile> personAndRegistration(Connection c, String cardId) throws SQLException {
        String sql = "SELECT p.name, p.birth_date, p.sex_code, i.name, p.eligible_from,"
                + " g.registered_on, k.share_treatment_and_medication, k.share_health_checkups"
                + " FROM insured_person p"
                + " JOIN insurer i ON i.id = p.insurer_id"
                + " LEFT JOIN registration g ON g.card_id = p.card_id"
                + " LEFT JOIN consent k ON k.card_id = g.card_id"
                + " WHERE p.card_id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, cardId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String insurerName = r.getString(4);
                InsuredPerson person = new InsuredPerson(cardId, r.getString(1), r.getDate(2).toLocalDate(),
                        r.getInt(3), insurerName, r.getDate(5).toLocalDate());
                Date registeredOn = r.getDate(6);
                boolean treatment = r.getBoolean(7);
                // A registration and its consents are written together; without its consents it does not count,
                // as in registration(c, cardId).
                Optional<RegistrationRecord> registration = registeredOn == null || r.wasNull()
                        ? Optional.empty()
                        : Optional.of(new RegistrationRecord(cardId, insurerName, registeredOn.toLocalDate(),
                                new Consents(treatment, r.getBoolean(8))));
                return Optional.of(new OnFile(person, registration));
            }
        }
    }

    static Optional<RegistrationRecord> registration(Connection c, String cardId) throws SQLException {
        String sql = "SELECT i.name, g.registered_on, k.share_treatment_and_medication, k.share_health_checkups"
                + " FROM registration g"
                + " JOIN consent k ON k.card_id = g.card_id"
                + " JOIN insured_person p ON p.card_id = g.card_id"
                + " JOIN insurer i ON i.id = p.insurer_id"
                + " WHERE g.card_id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, cardId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RegistrationRecord(cardId, r.getString(1), r.getDate(2).toLocalDate(),
                        new Consents(r.getBoolean(3), r.getBoolean(4))));
            }
        }
    }

    /** Inserts the registration, then its consents; the caller's transaction makes the two one change. */
    static void register(Connection c, String cardId, LocalDate on, String kioskId, Consents consents)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO registration (card_id, registered_on, kiosk_id) VALUES (?, ?, ?)")) {
            s.setString(1, cardId);
            s.setDate(2, Date.valueOf(on));
            if (kioskId == null) {
                s.setNull(3, Types.VARCHAR);
            } else {
                s.setString(3, kioskId);
            }
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO consent (card_id, share_treatment_and_medication,"
                + " share_health_checkups, decided_on) VALUES (?, ?, ?, ?)")) {
            s.setString(1, cardId);
            s.setBoolean(2, consents.shareTreatmentAndMedication());
            s.setBoolean(3, consents.shareHealthCheckups());
            s.setDate(4, Date.valueOf(on));
            s.executeUpdate();
        }
    }

    /** Replaces a registered card's consents; false when the card has no registration (so no consents). */
    static boolean changeConsents(Connection c, String cardId, Consents consents, LocalDate on) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE consent SET share_treatment_and_medication = ?,"
                + " share_health_checkups = ?, decided_on = ? WHERE card_id = ?")) {
            s.setBoolean(1, consents.shareTreatmentAndMedication());
            s.setBoolean(2, consents.shareHealthCheckups());
            s.setDate(3, Date.valueOf(on));
            s.setString(4, cardId);
            return s.executeUpdate() == 1;
        }
    }

    /** Inserts or updates the person (keyed by card id) and their insurer (keyed by name). */
    static void upsertPerson(Connection c, InsuredPerson person) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO insurer t"
                + " USING (SELECT CAST(? AS VARCHAR(100)) AS name) n ON t.name = n.name"
                + " WHEN NOT MATCHED THEN INSERT (name) VALUES (n.name)")) {
            s.setString(1, person.insurerName());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("MERGE INTO insured_person t USING (SELECT"
                + " CAST(? AS VARCHAR(32)) AS card_id, CAST(? AS VARCHAR(100)) AS name, CAST(? AS DATE) AS birth_date,"
                + " CAST(? AS SMALLINT) AS sex_code, (SELECT id FROM insurer WHERE name = ?) AS insurer_id,"
                + " CAST(? AS DATE) AS eligible_from) n ON t.card_id = n.card_id"
                + " WHEN MATCHED THEN UPDATE SET name = n.name, birth_date = n.birth_date, sex_code = n.sex_code,"
                + " insurer_id = n.insurer_id, eligible_from = n.eligible_from"
                + " WHEN NOT MATCHED THEN INSERT (card_id, name, birth_date, sex_code, insurer_id, eligible_from)"
                + " VALUES (n.card_id, n.name, n.birth_date, n.sex_code, n.insurer_id, n.eligible_from)")) {
            s.setString(1, person.cardId());
            s.setString(2, person.name());
            s.setDate(3, Date.valueOf(person.birthDate()));
            s.setInt(4, person.sexCode());
            s.setString(5, person.insurerName());
            s.setDate(6, Date.valueOf(person.eligibleFrom()));
            s.executeUpdate();
        }
    }

    /** Inserts or updates a registration made elsewhere (seed data), with its consents. */
    static void upsertRegistration(Connection c, String cardId, LocalDate on, Consents consents) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO registration t USING (SELECT"
                + " CAST(? AS VARCHAR(32)) AS card_id, CAST(? AS DATE) AS registered_on) n ON t.card_id = n.card_id"
                + " WHEN MATCHED THEN UPDATE SET registered_on = n.registered_on, kiosk_id = NULL"
                + " WHEN NOT MATCHED THEN INSERT (card_id, registered_on) VALUES (n.card_id, n.registered_on)")) {
            s.setString(1, cardId);
            s.setDate(2, Date.valueOf(on));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("MERGE INTO consent t USING (SELECT"
                + " CAST(? AS VARCHAR(32)) AS card_id, CAST(? AS BOOLEAN) AS treatment, CAST(? AS BOOLEAN) AS checkups,"
                + " CAST(? AS DATE) AS decided_on) n ON t.card_id = n.card_id"
                + " WHEN MATCHED THEN UPDATE SET share_treatment_and_medication = n.treatment,"
                + " share_health_checkups = n.checkups, decided_on = n.decided_on"
                + " WHEN NOT MATCHED THEN INSERT (card_id, share_treatment_and_medication, share_health_checkups,"
                + " decided_on) VALUES (n.card_id, n.treatment, n.checkups, n.decided_on)")) {
            s.setString(1, cardId);
            s.setBoolean(2, consents.shareTreatmentAndMedication());
            s.setBoolean(3, consents.shareHealthCheckups());
            s.setDate(4, Date.valueOf(on));
            s.executeUpdate();
        }
    }
}
