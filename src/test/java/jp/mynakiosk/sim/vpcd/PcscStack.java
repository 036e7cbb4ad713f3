package jp.mynakiosk.sim.vpcd;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jp.mynakiosk.device.smartcardio.PcscTerminals;

/**
 * The real PC/SC stack for tests: pcscd with vsmartcard's vpcd driver. When it is not there the calling test
 * is skipped with a message saying how to get it, unless {@value #REQUIRE} is set (CI sets it: there a
 * missing pcscd is a failure, not a skip).
 */
final class PcscStack {
    static final String READER = "Virtual PCD 00 00";
    static final int PORT = VpcdConnection.DEFAULT_PORT;
    static final String HOST = "localhost";
    /** Environment variable: when "1", a missing pcscd/vpcd fails the test instead of skipping it. */
    static final String REQUIRE = "MYNA_REQUIRE_PCSC";
    /** Environment variable: a command that restarts pcscd (CI: .ci/pcscd restart); the restart test needs it. */
    static final String RESTART = "MYNA_PCSCD_RESTART";

    private PcscStack() {
    }

    /** Skips (or in CI fails) unless pcscd answers and lists the vpcd reader. */
    static void require() {
        String problem = problem();
        if (problem == null) {
            return;
        }
        String message = "PC/SC tests skipped: " + problem + ". To run them: apt-get install pcscd vsmartcard-vpcd"
                + " and start pcscd (pcscd --foreground &), as .ci/run does.";
        if ("1".equals(System.getenv(REQUIRE))) {
            fail(message + " (" + REQUIRE + "=1: required here)");
        }
        assumeTrue(false, message);
    }

    private static String problem() {
        try {
            List<CardTerminal> terminals = PcscTerminals.list();
            if (terminals.stream().noneMatch(t -> t.getName().equals(READER))) {
                return "pcscd answers but has no reader '" + READER + "' (vsmartcard-vpcd not installed?); readers: "
                        + terminals.stream().map(CardTerminal::getName).toList();
            }
            return null;
        } catch (CardException e) {
            return "pcscd does not answer (" + e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()) + ")";
        }
    }

    /** Names of live threads that belong to the card path (reader monitors, vpcd connections and bridges). */
    static List<String> cardThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("card-reader") || n.startsWith("vpcd-")).sorted().toList();
    }
}
