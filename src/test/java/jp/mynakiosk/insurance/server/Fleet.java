package jp.mynakiosk.insurance.server;

import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.security.cert.X509CRL;
import javax.sql.DataSource;
import jp.mynakiosk.insurance.EligibilityService;
import jp.mynakiosk.insurance.EmbeddedEligibilityService;
import jp.mynakiosk.insurance.http.RemoteEligibilityService;
import jp.mynakiosk.insurance.http.RetryPolicy;

/** An eligibility server on a database, and kiosks calling it over mutual TLS. */
final class Fleet implements AutoCloseable {
    static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(400),
            Duration.ofSeconds(5));

    final TestTls tls;
    final Cards cards;
    final DataSource dataSource;
    final AtomicReference<Optional<X509CRL>> kioskCrl = new AtomicReference<>(Optional.empty());
    private EligibilityService served;
    private EligibilityServer server;
    private int port;

    Fleet(TestTls tls, Cards cards, DataSource dataSource) throws Exception {
        this.tls = tls;
        this.cards = cards;
        this.dataSource = dataSource;
        this.served = new EmbeddedEligibilityService(dataSource, cards.pki.ca, () -> cards.crl,
                Clock.system(ZoneId.of("Asia/Tokyo")));
        start(0, 8);
    }

    /** Serves {@code service} (e.g. a fault-injecting wrapper of the embedded one) from now on, on the same port. */
    void serve(java.util.function.UnaryOperator<EligibilityService> wrap) throws Exception {
        served = wrap.apply(served);
        server.stop(0);
        start(port, 8);
    }

    EligibilityService embedded() {
        return served;
    }

    void start(int onPort, int threads) throws Exception {
        server = EligibilityServer.start(served, tls.serverContext(kioskCrl::get),
                new InetSocketAddress("127.0.0.1", onPort), threads);
        port = server.port();
    }

    void stopServer() {
        server.stop(0);
    }

    int port() {
        return port;
    }

    URI uri() {
        return URI.create("https://localhost:" + port + "/");
    }

    RemoteEligibilityService kiosk(TestTls.KioskCredential credential, RetryPolicy retry) throws Exception {
        return new RemoteEligibilityService(uri(), tls.kioskContext(credential), retry);
    }

    int count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
