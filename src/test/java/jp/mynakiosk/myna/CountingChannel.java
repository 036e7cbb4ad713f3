package jp.mynakiosk.myna;

import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/** Passes APDUs to a real channel, counts them, and can rewrite answers to play a broken card. */
final class CountingChannel extends CardChannel {
    private final CardChannel real;
    private volatile UnaryOperator<Exchange> tamper = UnaryOperator.identity();
    private int count;

    record Exchange(byte[] command, byte[] response) {
    }

    CountingChannel(CardChannel real) {
        this.real = real;
    }

    int count() {
        return count;
    }

    void tamper(UnaryOperator<Exchange> rewrite) {
        this.tamper = rewrite;
    }

    @Override
    public Card getCard() {
        return real.getCard();
    }

    @Override
    public int getChannelNumber() {
        return real.getChannelNumber();
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        count++;
        byte[] answer = real.transmit(command).getBytes();
        return new ResponseAPDU(tamper.apply(new Exchange(command.getBytes(), answer)).response());
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        byte[] bytes = new byte[command.remaining()];
        command.get(bytes);
        ResponseAPDU answer = transmit(new CommandAPDU(bytes));
        response.put(answer.getBytes());
        return answer.getBytes().length;
    }

    @Override
    public void close() throws CardException {
        real.close();
    }
}
