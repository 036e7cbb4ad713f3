package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.RegistrationStatus;
import jp.mynakiosk.insurance.http.RemoteEligibilityService;
import jp.mynakiosk.insurance.http.TlsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's entry point from a configuration file, on PostgreSQL, called by a kiosk built from files. */
class EligibilityServerMainPostgresTest {
    @Test
    void serverStartsFromItsFilesAndLinksOnPostgres(@TempDir Path dir) throws Exception {
        try (TestPostgres postgres = TestPostgres.createOrSkip()) {
            TestTls tls = new TestTls();
            Cards cards = new Cards();
            TestTls.KioskCredential kiosk = tls.kiosk("KIOSK-M");
            Path config = ServerFiles.write(dir, tls, cards, postgres, 0);
            ServerFiles.keyStore(dir.resolve("kiosk.p12"), kiosk.key(), kiosk.certificate());

            try (EligibilityServerMain.Running running = EligibilityServerMain.start(ServerConfig.load(config))) {
                RemoteEligibilityService remote = new RemoteEligibilityService(
                        URI.create("https://localhost:" + running.server().port()),
                        TlsFiles.clientContext(dir.resolve("kiosk.p12"), ServerFiles.PASSWORD.toCharArray(),
                                dir.resolve("server-ca.der")), Fleet.QUICK);

                LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
                assertThat(remote.link(cards.link(remote, "KIOSK-M", "SIM-0001", Cards.YAMADA)))
                        .isEqualTo(new LinkOutcome.Registered("全国健康保険協会 東京支部", today));
                assertThat(remote.checkRegistration(cards.query(remote, "KIOSK-M", "SIM-0007")))
                        .isInstanceOf(RegistrationStatus.Registered.class);
            }
        }
    }
}
