package jp.mynakiosk.sim.vpcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import jp.mynakiosk.device.smartcardio.PcscTerminals;
import jp.mynakiosk.myna.Apdu;
import jp.mynakiosk.myna.MynaCardSession;
import jp.mynakiosk.myna.PinCheck;
import jp.mynakiosk.sim.card.SimCardFixture;
import jp.mynakiosk.sim.card.VirtualCardFile;
import jp.mynakiosk.sim.card.VirtualMynaCard;
import jp.mynakiosk.sim.card.VirtualSlot;
import jp.mynakiosk.sim.vpcd.PhaseChannel.Phase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APDUs and host time per phase of the card journey (identify, certificate, PIN, card info, photo, sign),
 * median of many runs, in-process and through pcscd + vpcd. Not a timed test: it prints figures and checks
 * only that no APDU is wasted (no file part read twice, every READ but a file's last asks for 256 bytes).
 * Run: {@code mvn -o test -Dgroups=benchmark -DexcludedGroups= -Dtest=CardJourneyBenchmark}
 */
@Tag("benchmark")
class CardJourneyBenchmark {
    private static final int IN_PROCESS_RUNS = Integer.getInteger("myna.bench.runs", 300);
    private static final int PCSC_RUNS = Integer.getInteger("myna.bench.pcscRuns", 60);
    private static final int WARM_UP = 20;

    @TempDir
    Path dir;

    @Test
    void inProcess() throws Exception {
        VirtualSlot slot = new VirtualSlot("benchmark reader");
        slot.insert(card());
        CardChannel channel = SimCardFixture.terminal(slot).connect("*").getBasicChannel();
        report("in-process provider (MynaSim)", channel, IN_PROCESS_RUNS);
    }

    @Test
    void throughPcscAndVpcd() throws Exception {
        PcscStack.require();
        CardTerminal terminal = PcscTerminals.named(PcscStack.READER).resolve();
        assertThat(terminal.waitForCardAbsent(5000)).isTrue();
        try (VpcdConnection connection = VpcdConnection.insert(PcscStack.HOST, PcscStack.PORT,
                VpcdCard.of(card()), Duration.ofSeconds(2))) {
            assertThat(terminal.waitForCardPresent(5000)).isTrue();
            javax.smartcardio.Card card = terminal.connect("*");
            try {
                report("PC/SC through pcscd + vpcd", card.getBasicChannel(), PCSC_RUNS);
            } finally {
                card.disconnect(false);
            }
        }
    }

    private VirtualMynaCard card() {
        VirtualCardFile file = SimCardFixture.myNumberCard(dir, "SIM-B001", "1234", 3, "valid");
        return SimCardFixture.card(file, SimCardFixture.sharedCa());
    }

    private static void report(String title, CardChannel basic, int runs) throws Exception {
        PhaseChannel channel = new PhaseChannel(basic);
        Map<Phase, List<Long>> times = new EnumMap<>(Phase.class);
        List<Long> totals = new ArrayList<>();
        Map<Phase, Integer> apdus = null;
        for (int run = 0; run < WARM_UP + runs; run++) {
            channel.reset();
            MynaCardSession session = new MynaCardSession(channel);
            channel.startCall();
            assertThat(session.identify().isMyNumberCard()).isTrue();
            channel.endCall();
            channel.startCall();
            PinCheck pin = session.unlock("1234".toCharArray());
            channel.endCall();
            assertThat(pin).isInstanceOf(PinCheck.Unlocked.class);
            ((PinCheck.Unlocked) pin).wipe();
            channel.startCall();
            session.sign(new byte[51]);
            channel.endCall();
            assertThat(channel.repeatedReads()).as("file parts read twice").isEmpty();
            checkChunks(channel.reads());
            if (run >= WARM_UP) {
                long total = 0;
                for (Map.Entry<Phase, Long> entry : channel.nanos().entrySet()) {
                    times.computeIfAbsent(entry.getKey(), p -> new ArrayList<>()).add(entry.getValue());
                    total += entry.getValue();
                }
                totals.add(total);
                apdus = channel.apdus();
            }
        }
        StringBuilder out = new StringBuilder(String.format("%n%s, median of %d runs (after %d warm-up):%n",
                title, runs, WARM_UP));
        out.append(String.format("  %-12s %6s %12s%n", "phase", "APDUs", "host ms"));
        int apduTotal = 0;
        for (Phase phase : Phase.values()) {
            out.append(String.format("  %-12s %6d %12.2f%n", phase.name().toLowerCase().replace('_', ' '),
                    apdus.get(phase), median(times.get(phase)) / 1e6));
            apduTotal += apdus.get(phase);
        }
        out.append(String.format("  %-12s %6d %12.2f%n", "whole card", apduTotal, median(totals) / 1e6));
        System.out.print(out);
    }

    /** Every READ of a file asks for 256 bytes, except the last one of the file, which asks exactly the rest. */
    private static void checkChunks(List<PhaseChannel.Read> reads) {
        for (int i = 0; i < reads.size(); i++) {
            PhaseChannel.Read read = reads.get(i);
            boolean lastOfFile = i + 1 == reads.size() || !reads.get(i + 1).file().equals(read.file());
            if (!lastOfFile) {
                assertThat(read.asked()).as("READ of %s at %d", read.file(), read.offset()).isEqualTo(Apdu.MAX_READ);
            }
            assertThat(read.returned()).as("READ of %s at %d returned what it asked", read.file(), read.offset())
                    .isLessThanOrEqualTo(read.asked());
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
