package jp.mynakiosk.insurance.server;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.H2FileDatabase;

class H2FaultTest extends FaultTests {
    private Path dir;
    private H2FileDatabase db;

    @Override
    DataSource openDatabase() throws Exception {
        dir = Files.createTempDirectory("fleet-h2");
        db = Databases.openH2File(dir.resolve("eligibility"), Databases.ELIGIBILITY_MIGRATIONS);
        return db.dataSource();
    }

    @Override
    void closeDatabase() throws Exception {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
