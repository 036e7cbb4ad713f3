package jp.mynakiosk.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.H2FileDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsuranceSeedTest {
    private static final String HEADER = InsuranceSeedFile.HEADER + "\n";
    private static final String YAMADA = "SIM-0001,山田 花子,1956-03-19,2,全国健康保険協会 東京支部,2020-04-01,,,\n";

    @TempDir
    Path dir;
    private H2FileDatabase db;
    private InsuranceSeed seed;

    @BeforeEach
    void open() {
        db = Databases.openH2File(dir.resolve("eligibility"), Databases.ELIGIBILITY_MIGRATIONS);
        seed = new InsuranceSeed(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theSimulatorsSeedLoadsEveryInsuredCard() throws Exception {
        assertThat(seed.load(InsuranceSeed.DEFAULT_FILE)).isEqualTo(6);

        assertThat(count("SELECT COUNT(*) FROM insured_person")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM insured_person WHERE card_id = 'SIM-0003'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM registration")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM registration WHERE card_id = 'SIM-0007'"
                + " AND registered_on = DATE '2023-06-01'")).isEqualTo(1);
        try (Connection c = connection()) {
            assertThat(person(c, "SIM-0004").birthDate())
                    .isEqualTo(LocalDate.of(1985, 3, 1));
        }
    }

    @Test
    void loadingTwiceDuplicatesNothing() throws Exception {
        seed.load(InsuranceSeed.DEFAULT_FILE);
        seed.load(InsuranceSeed.DEFAULT_FILE);

        assertThat(count("SELECT COUNT(*) FROM insured_person")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM insurer")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM registration")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM consent")).isEqualTo(1);
    }

    @Test
    void aChangedRowUpdatesThePerson() throws Exception {
        seed.load(write(HEADER + YAMADA));
        seed.load(write("# moved to another insurer\n" + HEADER
                + "SIM-0001,山田 花子,1956-03-19,2,国民健康保険 千代田区,2025-01-01,2025-02-03,no,yes\n"));

        try (Connection c = connection()) {
            InsuredPerson person = person(c, "SIM-0001");
            assertThat(person.insurerName()).isEqualTo("国民健康保険 千代田区");
            assertThat(person.eligibleFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(InsuredRecords.registration(c, "SIM-0001")).contains(new RegistrationRecord("SIM-0001",
                    "国民健康保険 千代田区", LocalDate.of(2025, 2, 3), new Consents(false, true)));
        }
        assertThat(count("SELECT COUNT(*) FROM insured_person")).isEqualTo(1);
    }

    @Test
    void byteOrderMarkAndWindowsLineEndsAreAccepted() throws Exception {
        assertThat(seed.load(write("\uFEFF" + (HEADER + YAMADA).replace("\n", "\r\n")))).isEqualTo(1);
    }

    @Test
    void wrongHeaderIsNamed() throws Exception {
        Path file = write("# comment\ncard,name\n" + YAMADA);

        assertThatThrownBy(() -> seed.load(file)).isInstanceOf(InsuranceSeedException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("expected the header line 'card_id,name,birth_date,");
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        Path file = write(HEADER + YAMADA + "SIM-0002,佐藤 健一,1949-11-02,1,東京都後期高齢者医療広域連合\n");

        assertThatThrownBy(() -> seed.load(file)).isInstanceOf(InsuranceSeedException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("expected 9 comma-separated columns")
                .hasMessageContaining("found 5");
    }

    @Test
    void badDateNamesLineAndColumnButNotTheValue() throws Exception {
        Path file = write(HEADER + YAMADA + "SIM-0002,佐藤 健一,1949-13-02,1,東京都後期高齢者医療広域連合,2024-11-02,,,\n");

        assertThatThrownBy(() -> seed.load(file)).isInstanceOf(InsuranceSeedException.class)
                .hasMessage(file + ": line 3: column 3 (birth_date): expected a date as yyyy-MM-dd")
                .hasMessageNotContaining("佐藤");
    }

    @Test
    void badSexCodeIsNamed() throws Exception {
        Path file = write(HEADER + "SIM-0001,山田 花子,1956-03-19,F,全国健康保険協会 東京支部,2020-04-01,,,\n");

        assertThatThrownBy(() -> seed.load(file)).isInstanceOf(InsuranceSeedException.class)
                .hasMessageContaining("line 2: column 4 (sex): expected an ISO 5218 sex code");
    }

    @Test
    void registrationWithoutConsentsIsNamed() throws Exception {
        Path file = write(HEADER + "SIM-0007,渡辺 明,1980-08-15,1,全国健康保険協会 神奈川支部,2018-04-01,2023-06-01,yes,\n");

        assertThatThrownBy(() -> seed.load(file)).isInstanceOf(InsuranceSeedException.class)
                .hasMessageContaining("line 2: column 9 (share_health_checkups): expected 'yes' or 'no'");
    }

    @Test
    void consentsWithoutRegistrationAreNamed() throws Exception {
        Path file = write(HEADER + "SIM-0001,山田 花子,1956-03-19,2,全国健康保険協会 東京支部,2020-04-01,,yes,no\n");

        assertThatThrownBy(() -> seed.load(file)).isInstanceOf(InsuranceSeedException.class)
                .hasMessageContaining("line 2: column 8 (share_treatment_and_medication): expected empty");
    }

    @Test
    void duplicateCardIdIsNamed() throws Exception {
        Path file = write(HEADER + YAMADA + "\n" + YAMADA);

        assertThatThrownBy(() -> seed.load(file)).isInstanceOf(InsuranceSeedException.class)
                .hasMessageContaining("line 4: column 1 (card_id)")
                .hasMessageContaining("line 2 has it too");
    }

    @Test
    void quotedFieldsAndEmptyNamesAreRefused() throws Exception {
        Path quoted = write(HEADER + "SIM-0001,\"山田, 花子\",1956-03-19,2,x,2020-04-01,,,\n");
        Path noName = write(HEADER + "SIM-0001, ,1956-03-19,2,x,2020-04-01,,,\n");

        assertThatThrownBy(() -> seed.load(quoted)).hasMessageContaining("line 2: expected unquoted fields");
        assertThatThrownBy(() -> seed.load(noName)).hasMessageContaining("line 2: column 2 (name): expected text");
    }

    @Test
    void notUtf8IsNamed() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (HEADER + "SIM-0001,Müller,1956-03-19,2,x,2020-04-01,,,\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> seed.load(file)).isInstanceOf(InsuranceSeedException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("expected UTF-8");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.csv");

        assertThatThrownBy(() -> seed.load(file)).isInstanceOf(InsuranceSeedException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("cannot read");
    }

    @Test
    void aMalformedFileWritesNothing() throws Exception {
        Path file = write(HEADER + YAMADA + "SIM-0002,佐藤 健一,1949-11-02,1,東京都後期高齢者医療広域連合,someday,,,\n");

        assertThatThrownBy(() -> seed.load(file)).isInstanceOf(InsuranceSeedException.class);
        assertThat(count("SELECT COUNT(*) FROM insured_person")).isZero();
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(dir, "seed", ".csv");
        Files.writeString(file, content);
        return file;
    }

    private Connection connection() throws Exception {
        return db.dataSource().getConnection();
    }

    private int count(String sql) throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static InsuredPerson person(Connection c, String cardId) throws SQLException {
        return InsuredRecords.personAndRegistration(c, cardId).orElseThrow().person();
    }
}
