package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import jp.mynakiosk.insurance.ConsentChangeOutcome;
import jp.mynakiosk.insurance.Consents;
import jp.mynakiosk.insurance.EligibilityUnavailableException;
import jp.mynakiosk.insurance.InsuranceSeed;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.LinkRequest;
import jp.mynakiosk.insurance.RegistrationStatus;
import jp.mynakiosk.insurance.http.RemoteEligibilityService;
import jp.mynakiosk.insurance.http.RetryPolicy;
import jp.mynakiosk.insurance.http.WireFormat;
import jp.mynakiosk.store.Databases;
import jp.mynakiosk.store.H2FileDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The fleet server over real mutual TLS, on an H2 file database (the PostgreSQL runs are in *PostgresTest). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EligibilityServerTest {
    private static final String TOKYO_BRANCH = "全国健康保険協会 東京支部";

    private TestTls tls;
    private Cards cards;
    private TestTls.KioskCredential kiosk1;
    private H2FileDatabase db;
    private Fleet fleet;
    private RemoteEligibilityService remote;

    @BeforeAll
    void makeKeys() throws Exception {
        tls = new TestTls();
        cards = new Cards();
        kiosk1 = tls.kiosk("KIOSK-1");
    }

    @BeforeEach
    void startServer(@TempDir Path dir) throws Exception {
        db = Databases.openH2File(dir.resolve("eligibility"), Databases.ELIGIBILITY_MIGRATIONS);
        new InsuranceSeed(db.dataSource()).load(InsuranceSeed.DEFAULT_FILE);
        fleet = new Fleet(tls, cards, db.dataSource());
        remote = fleet.kiosk(kiosk1, Fleet.QUICK);
    }

    @AfterEach
    void stop() {
        fleet.close();
        db.close();
    }

    @Test
    void everyOperationWorksOverTheWire() throws Exception {
        LinkRequest request = cards.link(remote, "KIOSK-1", "SIM-0001", Cards.YAMADA);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));

        assertThat(remote.link(request)).isEqualTo(new LinkOutcome.Registered(TOKYO_BRANCH, today));
        assertThat(remote.link(request)).as("a retry").isEqualTo(new LinkOutcome.Registered(TOKYO_BRANCH, today));
        assertThat(remote.link(cards.link(remote, "KIOSK-1", "SIM-0003", Cards.YAMADA)))
                .isEqualTo(new LinkOutcome.NoEligibilityData());
        assertThat(remote.checkRegistration(cards.query(remote, "KIOSK-1", "SIM-0001")))
                .isEqualTo(new RegistrationStatus.Registered(TOKYO_BRANCH, today, Cards.BOTH));
        Consents none = new Consents(false, false);
        assertThat(remote.changeConsents(cards.change(remote, "KIOSK-1", "SIM-0001", none)))
                .isEqualTo(new ConsentChangeOutcome.Changed(TOKYO_BRANCH, none, today));
        assertThat(remote.changeConsents(cards.change(remote, "KIOSK-1", "SIM-0002", none)))
                .isEqualTo(new ConsentChangeOutcome.NotRegistered());
        assertThat(fleet.count("SELECT COUNT(*) FROM registration WHERE card_id = 'SIM-0001'")).isEqualTo(1);
    }

    @Test
    void aKioskFromAnotherCaIsRefusedAndLogged() throws Exception {
        RemoteEligibilityService rogue = fleet.kiosk(tls.rogueKiosk("KIOSK-X"), Fleet.QUICK);
        try (CapturedLog log = new CapturedLog(KioskTrust.class.getName())) {
            assertThatThrownBy(rogue::issueChallenge).isInstanceOf(EligibilityUnavailableException.class);
            assertThat(log.messages()).anyMatch(m -> m.contains("Refused kiosk 'KIOSK-X'")
                    && m.contains("not issued by the kiosk CA"));
        }
        assertThat(fleet.count("SELECT COUNT(*) FROM challenge")).isZero();
    }

    @Test
    void aRevokedKioskIsRefusedAndLogged() throws Exception {
        TestTls.KioskCredential stolen = tls.kiosk("KIOSK-2");
        RemoteEligibilityService kiosk2 = fleet.kiosk(stolen, Fleet.QUICK);
        kiosk2.issueChallenge();

        fleet.kioskCrl.set(Optional.of(tls.kioskCrl(stolen.serial())));
        RemoteEligibilityService again = fleet.kiosk(stolen, Fleet.QUICK);
        try (CapturedLog log = new CapturedLog(KioskTrust.class.getName())) {
            assertThatThrownBy(again::issueChallenge).isInstanceOf(EligibilityUnavailableException.class);
            assertThat(log.messages()).anyMatch(m -> m.contains("Refused kiosk 'KIOSK-2'") && m.contains("revoked"));
        }
        assertThat(remote.issueChallenge()).as("other kiosks carry on").isNotNull();
    }

    @Test
    void aKioskCannotActForAnother() throws Exception {
        LinkRequest asKiosk2 = cards.link(remote, "KIOSK-2", "SIM-0001", Cards.YAMADA);

        try (CapturedLog log = new CapturedLog(EligibilityServer.class.getName())) {
            assertThat(remote.link(asKiosk2)).as("a refusal is an answer, not an outage")
                    .isEqualTo(new LinkOutcome.InvalidRequest(LinkOutcome.InvalidRequest.REFUSED_BY_SERVER));
            assertThat(log.messages()).anyMatch(m -> m.contains("Refused a request from kiosk 'KIOSK-1'"));
        }
        assertThat(fleet.count("SELECT COUNT(*) FROM registration WHERE card_id = 'SIM-0001'")).isZero();
    }

    @Test
    void malformedRequestsGetAClearErrorAndChangeNothing() throws Exception {
        LinkRequest good = cards.link(remote, "KIOSK-1", "SIM-0001", Cards.YAMADA);
        byte[] body = WireFormat.linkRequest(good);
        HttpClient raw = HttpClient.newBuilder().sslContext(tls.kioskContext(kiosk1)).build();

        HttpResponse<String> truncated = post(raw, "/v1/link", Arrays.copyOf(body, body.length - 10), WireFormat.CONTENT_TYPE);
        body[body.length - 300] ^= 0x7f;
        byte[] hugeLength = body.clone();
        hugeLength[hugeLength.length - 260 - 4] = 0x7f;
        HttpResponse<String> garbage = post(raw, "/v1/link", "hello".getBytes(), WireFormat.CONTENT_TYPE);
        HttpResponse<String> lengthTooBig = post(raw, "/v1/link", hugeLength, WireFormat.CONTENT_TYPE);
        HttpResponse<String> wrongType = post(raw, "/v1/link", WireFormat.linkRequest(good), "application/json");

        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.body()).startsWith("malformed request: field 'signature'");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(lengthTooBig.statusCode()).isEqualTo(400);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.body()).contains(WireFormat.CONTENT_TYPE);
        assertThat(fleet.count("SELECT COUNT(*) FROM link_request")).isZero();
        assertThat(remote.link(good)).as("the nonce was not used up").isInstanceOf(LinkOutcome.Registered.class);
    }

    @Test
    void oversizedRequestsAreRefusedBeforeReadingAndChangeNothing() throws Exception {
        HttpClient raw = HttpClient.newBuilder().sslContext(tls.kioskContext(kiosk1)).build();

        HttpResponse<String> response = post(raw, "/v1/link", new byte[WireFormat.MAX_MESSAGE_BYTES + 1],
                WireFormat.CONTENT_TYPE);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most 16384 bytes");
        assertThat(fleet.count("SELECT COUNT(*) FROM link_request")).isZero();
    }

    @Test
    void wrongPathOrMethodIsSaidSo() throws Exception {
        HttpClient raw = HttpClient.newBuilder().sslContext(tls.kioskContext(kiosk1)).build();

        assertThat(post(raw, "/v1/nothing", new byte[0], WireFormat.CONTENT_TYPE).statusCode()).isEqualTo(404);
        HttpResponse<String> get = raw.send(HttpRequest.newBuilder(fleet.uri().resolve("/v1/link")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).contains("POST only");
    }

    @Test
    void anUnreachableServerIsUnavailableAfterBoundedRetries() throws Exception {
        fleet.stopServer();
        RemoteEligibilityService patient = fleet.kiosk(kiosk1,
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(1)));

        long started = System.nanoTime();
        assertThatThrownBy(patient::issueChallenge).isInstanceOf(EligibilityUnavailableException.class)
                .hasMessageContaining("after 3 tries");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    private HttpResponse<String> post(HttpClient raw, String path, byte[] body, String type) throws Exception {
        return raw.send(HttpRequest.newBuilder(fleet.uri().resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
