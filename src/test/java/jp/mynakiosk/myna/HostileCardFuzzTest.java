package jp.mynakiosk.myna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.smartcardio.CardException;
import jp.mynakiosk.sim.card.SimCardFixture;
import jp.mynakiosk.sim.card.VirtualMynaCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@link MynaCardSession} (identify → unlock → sign, as the kiosk does) against a card whose answers
 * are spoiled at one or two random exchanges (see {@link HostileCardChannel}). Every case must end in a value
 * (CardCheck, PinCheck, a signature) or in CardException / MynaProtocolException: never another exception,
 * never a hang, never an allocation beyond {@link #MAX_BYTES_PER_CASE}; and a session whose unlock did not
 * succeed must refuse to sign. Longer run: {@code -Dmyna.fuzz.cases=5000000 -Dmyna.fuzz.seed=N} (surefire
 * passes -D properties given to mvn on to the test JVM).
 */
class HostileCardFuzzTest {
    static final String CASES_PROPERTY = "myna.fuzz.cases";
    static final String SEED_PROPERTY = "myna.fuzz.seed";
    private static final int DEFAULT_CASES = 100_000;
    private static final long DEFAULT_SEED = 0x4D594E41L;
    /** A genuine journey allocates well under 1 MiB (the card's own copies included). */
    private static final long MAX_BYTES_PER_CASE = 8L << 20;
    private static final char[] PIN = "1234".toCharArray();

    @TempDir
    Path dir;

    @Test
    void noHostileAnswerCrashesHangsOrAllocatesWithoutBound() {
        int cases = Integer.getInteger(CASES_PROPERTY, DEFAULT_CASES);
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        VirtualMynaCard card = SimCardFixture.card(SimCardFixture.myNumberCard(dir, "SIM-F001", "1234", 3, "valid"),
                SimCardFixture.sharedCa());
        HostileCardChannel channel = new HostileCardChannel(card);
        Duration limit = Duration.ofSeconds(Math.max(60, cases / 1000));

        Report report = assertTimeoutPreemptively(limit, () -> run(channel, cases, seed),
                () -> "a case hung (seed " + seed + ")");

        System.out.printf("hostile card fuzz: %,d cases, seed %d, %d exchanges in a clean journey, %.1f s, "
                + "max %,d bytes allocated in one case; outcomes %s%n", cases, seed, report.journeyLength,
                report.nanos / 1e9, report.maxAllocated, report.outcomes);
        assertThat(report.failures).as("cases that ended in a crash or an unsafe state").isEmpty();
        assertThat(report.maxAllocated).isLessThan(MAX_BYTES_PER_CASE);
        assertThat(report.outcomes).containsKey("signed");
    }

    private static Report run(HostileCardChannel channel, int cases, long seed) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Report report = new Report();
        channel.startCase(new Random(0), -1, -1);
        assertThat(journey(channel)).isEqualTo("signed");
        report.journeyLength = channel.exchanges();
        Random master = new Random(seed);
        long started = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            long caseSeed = master.nextLong();
            Random random = new Random(caseSeed);
            int first = random.nextInt(report.journeyLength);
            int second = random.nextInt(4) == 0 ? random.nextInt(report.journeyLength) : -1;
            channel.startCase(random, first, second);
            long before = threads.getCurrentThreadAllocatedBytes();
            String outcome;
            try {
                outcome = journey(channel);
            } catch (RuntimeException | Error e) {
                outcome = "CRASH";
                if (report.failures.size() < 5) {
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    report.failures.add("case " + i + " (case seed " + caseSeed + "): " + trace);
                }
            }
            report.maxAllocated = Math.max(report.maxAllocated, threads.getCurrentThreadAllocatedBytes() - before);
            report.outcomes.merge(outcome, 1, Integer::sum);
        }
        report.nanos = System.nanoTime() - started;
        return report;
    }

    /** One kiosk card journey; the outcome's name, or the checked exception's simple name. */
    private static String journey(HostileCardChannel channel) {
        MynaCardSession session = new MynaCardSession(channel);
        PinCheck pin = null;
        try {
            CardCheck check = session.identify();
            if (!check.isMyNumberCard()) {
                return "identify:" + check.kind();
            }
            pin = session.unlock(PIN.clone());
            if (!(pin instanceof PinCheck.Unlocked unlocked)) {
                return "pin:" + pin.getClass().getSimpleName();
            }
            unlocked.wipe();
            byte[] signature = session.sign(new byte[51]);
            return signature.length == JpkiApplication.SIGNATURE_LENGTH ? "signed" : "UNSAFE signature length";
        } catch (CardException | MynaProtocolException e) {
            return e.getClass().getSimpleName();
        } finally {
            if (!(pin instanceof PinCheck.Unlocked)) {
                requireSigningRefused(session);
            }
        }
    }

    private static void requireSigningRefused(MynaCardSession session) {
        try {
            session.sign(new byte[51]);
        } catch (IllegalStateException expected) {
            return;
        } catch (CardException | MynaProtocolException e) {
            throw new AssertionError("a session that was not unlocked talked to the card to sign", e);
        }
        throw new AssertionError("a session that was not unlocked signed");
    }

    private static final class Report {
        final Map<String, Integer> outcomes = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        int journeyLength;
        long maxAllocated;
        long nanos;
    }
}
