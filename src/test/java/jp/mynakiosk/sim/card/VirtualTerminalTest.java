package jp.mynakiosk.sim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.InvalidParameterException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import jp.mynakiosk.myna.JpkiApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The javax.smartcardio face of the simulator: terminals, waiting, connections, removal. */
class VirtualTerminalTest {
    @TempDir
    static Path dir;
    static SimulatorCa ca;
    static VirtualCardFile foreign;

    @BeforeAll
    static void load() {
        ca = SimCardFixture.sharedCa();
        // a foreign card needs no key pair: these tests are about the reader, not the card
        foreign = SimCardFixture.foreignCard(dir, "SIM-T008");
    }

    @Test
    void theFactoryListsOneTerminalPerSlot() throws Exception {
        VirtualSlot a = new VirtualSlot("Reader A");
        VirtualSlot b = new VirtualSlot("Reader B");
        TerminalFactory factory = SimCardFixture.factory(List.of(a, b));
        assertThat(factory.getType()).isEqualTo(MynaSimProvider.TYPE);
        assertThat(factory.terminals().list()).extracting(CardTerminal::getName)
                .containsExactly("Reader A", "Reader B");
        b.insert(SimCardFixture.card(foreign, ca));
        assertThat(factory.terminals().list(CardTerminals.State.CARD_PRESENT)).extracting(CardTerminal::getName)
                .containsExactly("Reader B");
    }

    @Test
    void badParametersAreRefusedClearly() {
        assertThatThrownBy(() -> TerminalFactory.getInstance(MynaSimProvider.TYPE, "x", new MynaSimProvider()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("List<VirtualSlot>");
    }

    @Test
    void waitingForACardBlocksUntilItIsInsertedAndTimesOutOtherwise() throws Exception {
        VirtualSlot slot = new VirtualSlot("wait");
        CardTerminal terminal = SimCardFixture.terminal(slot);
        long start = System.nanoTime();
        assertThat(terminal.waitForCardPresent(100)).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(90L, 2000L);

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return terminal.waitForCardPresent(0);
            } catch (CardException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(waiting).isNotDone();
        slot.insert(SimCardFixture.card(foreign, ca));
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isTrue();
        assertThat(terminal.isCardPresent()).isTrue();
        assertThat(terminal.waitForCardAbsent(20)).isFalse();
        slot.remove();
        assertThat(terminal.waitForCardAbsent(20)).isTrue();
    }

    @Test
    void waitForChangeReportsInsertionsAndRemovals() throws Exception {
        VirtualSlot slot = new VirtualSlot("change");
        CardTerminals terminals = SimCardFixture.factory(List.of(slot)).terminals();
        assertThat(terminals.waitForChange(30)).isFalse();
        slot.insert(SimCardFixture.card(foreign, ca));
        assertThat(terminals.waitForChange(1000)).isTrue();
        assertThat(terminals.list(CardTerminals.State.CARD_INSERTION)).hasSize(1);
        slot.remove();
        assertThat(terminals.waitForChange(1000)).isTrue();
        assertThat(terminals.list(CardTerminals.State.CARD_REMOVAL)).hasSize(1);
        assertThat(terminals.list(CardTerminals.State.CARD_INSERTION)).isEmpty();
    }

    @Test
    void connectingToAnEmptySlotFails() {
        CardTerminal terminal = SimCardFixture.terminal(new VirtualSlot("empty"));
        assertThatThrownBy(() -> terminal.connect("*")).isInstanceOf(CardNotPresentException.class);
    }

    @Test
    void aRemovedCardFailsEveryLaterCommandEvenAfterAnotherInsertion() throws Exception {
        VirtualSlot slot = new VirtualSlot("removal");
        CardTerminal terminal = SimCardFixture.terminal(slot);
        slot.insert(SimCardFixture.card(foreign, ca));
        Card card = terminal.connect("*");
        CommandAPDU select = new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JpkiApplication.aid());
        assertThat(card.getBasicChannel().transmit(select).getSW()).isEqualTo(0x6A82);
        slot.remove();
        assertThatThrownBy(() -> card.getBasicChannel().transmit(select)).isInstanceOf(CardException.class)
                .hasMessageContaining("removed");
        slot.insert(SimCardFixture.card(foreign, ca));
        assertThatThrownBy(() -> card.getBasicChannel().transmit(select)).isInstanceOf(CardException.class);
        Card fresh = terminal.connect("T=1");
        assertThat(fresh.getBasicChannel().transmit(select).getSW()).isEqualTo(0x6A82);
        fresh.disconnect(true);
        assertThatThrownBy(fresh::getBasicChannel).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSlotHoldsOneCard() {
        VirtualSlot slot = new VirtualSlot("one");
        slot.insert(SimCardFixture.card(foreign, ca));
        assertThatThrownBy(() -> slot.insert(SimCardFixture.card(foreign, ca)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(slot.remove()).isPresent();
        assertThat(slot.remove()).isEmpty();
    }
}
