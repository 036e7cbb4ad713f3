package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.mynakiosk.insurance.InsuranceSeed;
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
            keyStore(dir.resolve("server.p12"), tls.serverKey(), tls.serverCertificate(), tls.serverCa());
            keyStore(dir.resolve("kiosk.p12"), kiosk.key(), kiosk.certificate());
            Files.write(dir.resolve("kiosk-ca.der"), tls.kioskCa().getEncoded());
            Files.write(dir.resolve("server-ca.der"), tls.serverCa().getEncoded());
            Files.write(dir.resolve("jpki-ca.der"), cards.pki.ca.getEncoded());
            Files.write(dir.resolve("jpki.crl"), cards.crl.getEncoded());
            Path config = Files.writeString(dir.resolve("server.properties"), String.join("\n",
                    "server.host=127.0.0.1", "server.port=0", "server.threads=4",
                    "server.keyStore=" + dir.resolve("server.p12"), "server.keyStorePassword=secret",
                    "server.kioskCa=" + dir.resolve("kiosk-ca.der"),
                    "db.url=" + postgres.url, "db.user=" + postgres.user, "db.password=" + postgres.password,
                    "db.poolSize=4",
                    "jpki.trustAnchor=" + dir.resolve("jpki-ca.der"), "jpki.crl=" + dir.resolve("jpki.crl"),
                    "seed=" + InsuranceSeed.DEFAULT_FILE) + "\n");

            try (EligibilityServerMain.Running running = EligibilityServerMain.start(ServerConfig.load(config))) {
                RemoteEligibilityService remote = new RemoteEligibilityService(
                        URI.create("https://localhost:" + running.server().port()),
                        TlsFiles.clientContext(dir.resolve("kiosk.p12"), "secret".toCharArray(),
                                dir.resolve("server-ca.der")), Fleet.QUICK);

                LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
                assertThat(remote.link(cards.link(remote, "KIOSK-M", "SIM-0001", Cards.YAMADA)))
                        .isEqualTo(new LinkOutcome.Registered("全国健康保険協会 東京支部", today));
                assertThat(remote.checkRegistration(cards.query(remote, "KIOSK-M", "SIM-0007")))
                        .isInstanceOf(RegistrationStatus.Registered.class);
            }
        }
    }

    private static void keyStore(Path file, java.security.PrivateKey key, X509Certificate... chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", key, "secret".toCharArray(), chain);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "secret".toCharArray());
        }
    }
}
