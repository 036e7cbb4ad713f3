package jp.mynakiosk.sim.card;

import java.nio.ByteBuffer;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/** The basic channel of a connection to a virtual card. */
final class VirtualCardChannel extends CardChannel {
    private static final int INS_MANAGE_CHANNEL = 0x70;
    private final VirtualCard card;

    VirtualCardChannel(VirtualCard card) {
        this.card = card;
    }

    @Override
    public Card getCard() {
        return card;
    }

    @Override
    public int getChannelNumber() {
        card.checkConnected();
        return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        if (command.getINS() == INS_MANAGE_CHANNEL) {
            throw new IllegalArgumentException("MANAGE CHANNEL is not allowed through transmit()");
        }
        byte[] bytes = command.getBytes();
        try {
            return new ResponseAPDU(card.transmit(bytes));
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        if (command == response) {
            throw new IllegalArgumentException("command and response must be different buffers");
        }
        byte[] commandBytes = new byte[command.remaining()];
        command.get(commandBytes);
        CommandAPDU apdu;
        try {
            apdu = new CommandAPDU(commandBytes);
        } finally {
            java.util.Arrays.fill(commandBytes, (byte) 0);
        }
        byte[] answer = transmit(apdu).getBytes();
        if (response.remaining() < answer.length) {
            throw new IllegalArgumentException("response buffer has " + response.remaining() + " bytes free; "
                    + answer.length + " needed");
        }
        response.put(answer);
        return answer.length;
    }

    @Override
    public void close() throws CardException {
        throw new IllegalStateException("the basic channel cannot be closed");
    }
}
