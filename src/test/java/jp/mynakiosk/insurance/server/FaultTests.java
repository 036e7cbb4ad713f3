package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import jp.mynakiosk.insurance.Challenge;
import jp.mynakiosk.insurance.ConsentChange;
import jp.mynakiosk.insurance.ConsentChangeOutcome;
import jp.mynakiosk.insurance.EligibilityService;
import jp.mynakiosk.insurance.InsuranceSeed;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.LinkRequest;
import jp.mynakiosk.insurance.RegistrationQuery;
import jp.mynakiosk.insurance.RegistrationStatus;
import jp.mynakiosk.insurance.http.RemoteEligibilityService;
import jp.mynakiosk.insurance.http.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Faults between kiosk and server inside one JVM: the answer is lost after the commit (it comes later than the kiosk
 * waits). The kiosk's retries end with exactly one registration and the first outcome. Run on H2 and on PostgreSQL
 * by the subclasses; the server killed for real is {@link ServerKilledTest}, PostgreSQL restarted for real is in
 * {@link PostgresFaultTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultTests {
    /** Each try may take 1 s; the kiosk tries up to 6 times with back-off from 100 ms. */
    static final RetryPolicy KIOSK = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(800),
            Duration.ofSeconds(1));

    TestTls tls;
    Cards cards;
    TestTls.KioskCredential kiosk;
    Fleet fleet;
    RemoteEligibilityService remote;

    /** A fresh, migrated eligibility database. */
    abstract DataSource openDatabase() throws Exception;

    abstract void closeDatabase() throws Exception;

    @BeforeAll
    void makeKeys() throws Exception {
        tls = new TestTls();
        cards = new Cards();
        kiosk = tls.kiosk("KIOSK-F");
    }

    @BeforeEach
    void start() throws Exception {
        DataSource db = openDatabase();
        new InsuranceSeed(db).load(InsuranceSeed.DEFAULT_FILE);
        fleet = new Fleet(tls, cards, db);
        remote = fleet.kiosk(kiosk, KIOSK);
    }

    @AfterEach
    void stop() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        closeDatabase();
    }

    @Test
    void answerLostAfterTheCommitIsAnsweredAgainAndRegistersOnce() throws Exception {
        AtomicBoolean first = new AtomicBoolean(true);
        fleet.serve(service -> new Delegating(service) {
            @Override
            public LinkOutcome link(LinkRequest request) {
                LinkOutcome outcome = super.link(request);
                if (first.getAndSet(false)) {
                    sleep(Duration.ofMillis(1500)); // longer than the kiosk waits for an answer
                }
                return outcome;
            }
        });
        remote = fleet.kiosk(kiosk, KIOSK);

        LinkOutcome outcome = remote.link(cards.link(remote, "KIOSK-F", "SIM-0001", Cards.YAMADA));

        assertThat(outcome).isInstanceOf(LinkOutcome.Registered.class);
        assertThat(fleet.count("SELECT COUNT(*) FROM registration WHERE card_id = 'SIM-0001'")).isEqualTo(1);
        assertThat(fleet.count("SELECT COUNT(*) FROM link_request")).isEqualTo(1);
    }

    @Test
    void consentChangeAnswerLostIsAnsweredAgainAndChangedOnce() throws Exception {
        AtomicBoolean first = new AtomicBoolean(true);
        fleet.serve(service -> new Delegating(service) {
            @Override
            public ConsentChangeOutcome changeConsents(ConsentChange change) {
                ConsentChangeOutcome outcome = super.changeConsents(change);
                if (first.getAndSet(false)) {
                    sleep(Duration.ofMillis(1500));
                }
                return outcome;
            }
        });
        remote = fleet.kiosk(kiosk, KIOSK);

        ConsentChangeOutcome outcome = remote.changeConsents(cards.change(remote, "KIOSK-F", "SIM-0007",
                new jp.mynakiosk.insurance.Consents(false, false)));

        assertThat(outcome).isInstanceOf(ConsentChangeOutcome.Changed.class);
        assertThat(fleet.count("SELECT COUNT(*) FROM consent_change")).isEqualTo(1);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes everything to the service; the faults override one method. */
    static class Delegating implements EligibilityService {
        private final EligibilityService service;

        Delegating(EligibilityService service) {
            this.service = service;
        }

        @Override
        public Challenge issueChallenge() {
            return service.issueChallenge();
        }

        @Override
        public LinkOutcome link(LinkRequest request) {
            return service.link(request);
        }

        @Override
        public RegistrationStatus checkRegistration(RegistrationQuery query) {
            return service.checkRegistration(query);
        }

        @Override
        public ConsentChangeOutcome changeConsents(ConsentChange change) {
            return service.changeConsents(change);
        }
    }
}
