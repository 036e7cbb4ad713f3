package jp.mynakiosk.device.smartcardio;

import java.util.Objects;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * Finds the card terminal a reader works on. Asked again after the terminal failed, so that a reader that
 * was unplugged, or a PC/SC service that was restarted, is picked up again without restarting the kiosk.
 */
@FunctionalInterface
public interface TerminalSource {
    CardTerminal resolve() throws CardException;

    /** A name for logs and the monitor thread; never personal data. */
    default String describe() {
        return "card terminal";
    }

    /** Always the same terminal (the simulator's virtual reader). */
    static TerminalSource fixed(CardTerminal terminal) {
        Objects.requireNonNull(terminal, "terminal");
        return new TerminalSource() {
            @Override
            public CardTerminal resolve() {
                return terminal;
            }

            @Override
            public String describe() {
                return terminal.getName();
            }
        };
    }
}
