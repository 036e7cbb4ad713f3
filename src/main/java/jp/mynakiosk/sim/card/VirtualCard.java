package jp.mynakiosk.sim.card;

import java.util.Arrays;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/** One connection to the card of one insertion; it fails once that card has left the slot. */
final class VirtualCard extends Card {
    private final VirtualSlot slot;
    private final VirtualSlot.Insertion insertion;
    private final VirtualCardChannel basicChannel = new VirtualCardChannel(this);
    private Thread exclusiveOwner;
    private boolean connected = true;

    VirtualCard(VirtualSlot slot, VirtualSlot.Insertion insertion) {
        this.slot = slot;
        this.insertion = insertion;
    }

    @Override
    public ATR getATR() {
        return new ATR(insertion.card().atr());
    }

    @Override
    public String getProtocol() {
        return insertion.card().cardInterface().protocol();
    }

    @Override
    public CardChannel getBasicChannel() {
        checkConnected();
        return basicChannel;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
        checkConnected();
        throw new CardException("the virtual card has no logical channels");
    }

    @Override
    public synchronized void beginExclusive() throws CardException {
        checkConnected();
        checkPresent();
        if (exclusiveOwner != null && exclusiveOwner != Thread.currentThread()) {
            throw new CardException("another thread holds exclusive access to the card");
        }
        exclusiveOwner = Thread.currentThread();
    }

    @Override
    public synchronized void endExclusive() throws CardException {
        checkConnected();
        if (exclusiveOwner != Thread.currentThread()) {
            throw new IllegalStateException("this thread does not hold exclusive access");
        }
        exclusiveOwner = null;
    }

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        checkConnected();
        throw new CardException("the virtual reader takes no control command (code " + controlCode + ")");
    }

    @Override
    public synchronized void disconnect(boolean reset) throws CardException {
        if (!connected) {
            return;
        }
        connected = false;
        exclusiveOwner = null;
        if (reset && slot.stillInserted(insertion.generation())) {
            insertion.card().reset();
        }
    }

    /** One command as the JDK's PC/SC channel would send it, with its GET RESPONSE and 6C handling. */
    byte[] transmit(byte[] command) throws CardException {
        return PcscTransmission.transmit(command,
                insertion.card().cardInterface() == CardInterface.CONTACT_T0, this::exchange);
    }

    private byte[] exchange(byte[] command, int length) throws CardException {
        synchronized (this) {
            checkConnected();
            if (exclusiveOwner != null && exclusiveOwner != Thread.currentThread()) {
                throw new CardException("another thread holds exclusive access to the card");
            }
        }
        checkPresent();
        byte[] sent = Arrays.copyOf(command, length);
        byte[] response;
        try {
            response = insertion.card().transmit(sent);
        } finally {
            Arrays.fill(sent, (byte) 0);
        }
        if (!slot.stillInserted(insertion.generation())) {
            throw new CardException("card removed during the command");
        }
        return response;
    }

    synchronized void checkConnected() {
        if (!connected) {
            throw new IllegalStateException("the card connection was closed with disconnect()");
        }
    }

    private void checkPresent() throws CardException {
        if (!slot.stillInserted(insertion.generation())) {
            throw new CardException("card removed from " + slot.readerName());
        }
    }

    @Override
    public String toString() {
        return "VirtualCard[" + slot.readerName() + ", " + insertion.card().cardInterface().key() + "]";
    }
}
