package jp.mynakiosk.sim.card;

import java.util.List;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/** The terminal factory of {@link MynaSimProvider}: one reader per slot it was given. */
final class VirtualTerminalFactorySpi extends TerminalFactorySpi {
    private final VirtualCardTerminals terminals;

    VirtualTerminalFactorySpi(List<VirtualSlot> slots) {
        this.terminals = new VirtualCardTerminals(slots);
    }

    @Override
    protected CardTerminals engineTerminals() {
        return terminals;
    }
}
