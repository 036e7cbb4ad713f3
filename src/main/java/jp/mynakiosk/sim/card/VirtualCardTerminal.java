package jp.mynakiosk.sim.card;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;

/** A card reader backed by a {@link VirtualSlot}. */
final class VirtualCardTerminal extends CardTerminal {
    private final VirtualSlot slot;

    VirtualCardTerminal(VirtualSlot slot) {
        this.slot = slot;
    }

    VirtualSlot slot() {
        return slot;
    }

    @Override
    public String getName() {
        return slot.readerName();
    }

    @Override
    public Card connect(String protocol) throws CardException {
        if (!"*".equals(protocol) && !"T=0".equals(protocol) && !"T=1".equals(protocol)) {
            throw new CardException("protocol " + protocol + " not supported by the virtual reader; use *, T=0 or T=1");
        }
        VirtualSlot.Insertion insertion = slot.current()
                .orElseThrow(() -> new CardNotPresentException("no card in " + slot.readerName()));
        String cardProtocol = insertion.card().cardInterface().protocol();
        if (!"*".equals(protocol) && !protocol.equals(cardProtocol)) {
            // what pcscd reports when the card's ATR does not offer the protocol asked for
            throw new CardException("SCARD_E_PROTO_MISMATCH: the card in " + slot.readerName() + " speaks "
                    + cardProtocol + ", not " + protocol);
        }
        if (insertion.card().isMute()) {
            // what a PC/SC reader reports for a card without a usable answer to reset
            throw new CardException("SCARD_W_UNRESPONSIVE_CARD: the card in " + slot.readerName()
                    + " gives no answer to reset");
        }
        return new VirtualCard(slot, insertion);
    }

    @Override
    public boolean isCardPresent() {
        return slot.isCardPresent();
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        return await(true, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        return await(false, timeout);
    }

    private boolean await(boolean present, long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        try {
            return slot.awaitPresence(present, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("interrupted while waiting for the card in " + slot.readerName(), e);
        }
    }

    @Override
    public String toString() {
        return "VirtualCardTerminal[" + slot.readerName() + "]";
    }
}
