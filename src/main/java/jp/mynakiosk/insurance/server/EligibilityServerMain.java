package jp.mynakiosk.insurance.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import jp.mynakiosk.insurance.EmbeddedEligibilityService;
import jp.mynakiosk.insurance.InsuranceSeed;
import jp.mynakiosk.insurance.http.TlsFiles;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.PostgresDatabase;

/**
 * The fleet server's entry point (a second main class of the kiosk jar):
 * {@code java -cp target/myna-kiosk.jar jp.mynakiosk.insurance.server.EligibilityServerMain --config FILE}.
 * Opens and migrates the PostgreSQL database, loads the seed if configured, and serves until stopped (SIGTERM).
 */
public final class EligibilityServerMain {
    private static final Logger LOG = Logger.getLogger(EligibilityServerMain.class.getName());

    /** A started server with its database; closing stops both. */
    public record Running(EligibilityServer server, PostgresDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            server.stop(1);
            database.close();
        }
    }

    private EligibilityServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: java -cp myna-kiosk.jar " + EligibilityServerMain.class.getName()
                    + " --config FILE   (keys: kiosk-config/eligibility-server.example.properties)");
            System.exit(2);
        }
        Running running;
        try {
            running = start(ServerConfig.load(Path.of(args[1])));
        } catch (IOException | RuntimeException e) {
            System.err.println("The eligibility server cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the eligibility server");
            running.close();
            stopped.countDown();
        }, "eligibility-server-shutdown"));
        stopped.await();
    }

    /** Starts the server the configuration describes. */
    public static Running start(ServerConfig config) throws IOException {
        SSLContext tls = TlsFiles.serverContext(config.keyStore(), config.keyStorePassword().toCharArray(),
                new KioskTrust(TlsFiles.certificate(config.kioskCa()),
                        config.kioskCrl().map(TlsFiles::watchedCrl).orElse(Optional::empty)));
        Supplier<Optional<X509CRL>> jpkiCrl = TlsFiles.watchedCrl(config.jpkiCrl());
        PostgresDatabase db = Databases.openPostgres(config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.dbPoolSize(), Databases.ELIGIBILITY_MIGRATIONS);
        try {
            if (config.seed().isPresent()) {
                int persons = new InsuranceSeed(db.dataSource()).load(config.seed().get());
                LOG.info("Loaded " + persons + " insured persons from " + config.seed().get());
            }
            EmbeddedEligibilityService service = new EmbeddedEligibilityService(db.dataSource(),
                    TlsFiles.certificate(config.jpkiTrustAnchor()), () -> jpkiCrl.get().orElse(null),
                    Clock.system(ZoneId.of("Asia/Tokyo")));
            EligibilityServer server = EligibilityServer.start(service, tls,
                    new InetSocketAddress(config.host(), config.port()), config.threads());
            return new Running(server, db);
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
