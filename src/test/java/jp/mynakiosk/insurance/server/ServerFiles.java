package jp.mynakiosk.insurance.server;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import jp.mynakiosk.insurance.InsuranceSeed;

/** The files a fleet server process starts from: its key store, the CAs, the JPKI CRL and the configuration. */
final class ServerFiles {
    static final String PASSWORD = "secret";

    private ServerFiles() {
    }

    /** Writes everything into {@code dir} and returns the configuration file (seeded from the default seed file). */
    static Path write(Path dir, TestTls tls, Cards cards, TestPostgres postgres, int port) throws Exception {
        keyStore(dir.resolve("server.p12"), tls.serverKey(), tls.serverCertificate(), tls.serverCa());
        Files.write(dir.resolve("kiosk-ca.der"), tls.kioskCa().getEncoded());
        Files.write(dir.resolve("server-ca.der"), tls.serverCa().getEncoded());
        Files.write(dir.resolve("jpki-ca.der"), cards.pki.ca.getEncoded());
        Files.write(dir.resolve("jpki.crl"), cards.crl.getEncoded());
        return Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "server.host=127.0.0.1", "server.port=" + port, "server.threads=4",
                "server.keyStore=" + dir.resolve("server.p12"), "server.keyStorePassword=" + PASSWORD,
                "server.kioskCa=" + dir.resolve("kiosk-ca.der"),
                "db.url=" + postgres.url, "db.user=" + postgres.user, "db.password=" + postgres.password,
                "db.poolSize=4",
                "jpki.trustAnchor=" + dir.resolve("jpki-ca.der"), "jpki.crl=" + dir.resolve("jpki.crl"),
                "seed=" + InsuranceSeed.DEFAULT_FILE.toAbsolutePath()) + "\n");
    }

    static void keyStore(Path file, PrivateKey key, X509Certificate... chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", key, PASSWORD.toCharArray(), chain);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }
}
