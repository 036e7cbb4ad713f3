package jp.mynakiosk.sim.vpcd;

import java.time.Duration;
import java.util.Objects;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import jp.mynakiosk.device.CardReader;
import jp.mynakiosk.device.CardReaderListener;
import jp.mynakiosk.device.DeviceStatus;
import jp.mynakiosk.device.MediaState;
import jp.mynakiosk.device.smartcardio.PcscTerminals;
import jp.mynakiosk.device.smartcardio.SmartcardioCardReader;
import jp.mynakiosk.sim.card.VirtualSlot;

/**
 * The simulator's card reader in PC/SC mode: the simulator slot is mirrored into vpcd's first reader and the
 * kiosk reads the card through pcscd and the JDK's PC/SC provider, the code path of a real reader. Closing it
 * takes the card out of vpcd and stops the reader's thread; the slot itself belongs to the simulator.
 */
public final class VpcdCardReader implements CardReader {
    /** The reader vpcd's first slot (TCP 35963) shows in pcscd. */
    public static final String READER_NAME = "Virtual PCD 00 00";

    private final VpcdSlotBridge bridge;
    private final SmartcardioCardReader reader;

    private VpcdCardReader(VpcdSlotBridge bridge, SmartcardioCardReader reader) {
        this.bridge = bridge;
        this.reader = reader;
    }

    /** Mirrors {@code slot} into vpcd on localhost and reads it through PC/SC. */
    public static VpcdCardReader open(VirtualSlot slot, Duration poll) {
        Objects.requireNonNull(slot, "slot");
        VpcdSlotBridge bridge = VpcdSlotBridge.attach(slot, "localhost", VpcdConnection.DEFAULT_PORT);
        return new VpcdCardReader(bridge, new SmartcardioCardReader(PcscTerminals.named(READER_NAME), poll));
    }

    @Override
    public DeviceStatus status() {
        return reader.status();
    }

    @Override
    public MediaState media() {
        return reader.media();
    }

    @Override
    public void start(CardReaderListener listener) {
        reader.start(listener);
    }

    @Override
    public CardChannel connect() throws CardException {
        return reader.connect();
    }

    @Override
    public void disconnect() {
        reader.disconnect();
    }

    @Override
    public void close() {
        reader.close();
        bridge.close();
    }

    @Override
    public String toString() {
        return "VpcdCardReader[" + bridge + ", " + reader + "]";
    }
}
