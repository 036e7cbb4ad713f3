package jp.mynakiosk.device;

import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/**
 * A card reader slot (contact or contactless). All card I/O goes through {@code javax.smartcardio},
 * so the same {@code myna} code talks to a real PC/SC reader and to the simulator.
 */
public interface CardReader extends AutoCloseable {
    DeviceStatus status();

    MediaState media();

    /** Starts delivering media and status events to the listener. */
    void start(CardReaderListener listener);

    /** Powers up the card in the slot and opens its basic channel. */
    CardChannel connect() throws CardException;

    /** Ends the connection to the current card (and resets it), if any. */
    void disconnect();

    @Override
    void close();
}
