package jp.mynakiosk.sim.vpcd;

import java.util.Objects;
import javax.smartcardio.CommandAPDU;
import jp.mynakiosk.myna.StatusWord;
import jp.mynakiosk.sim.card.VirtualMynaCard;

/** What a virtual card must do to be served over the vpcd socket: power, ATR and APDUs. */
public interface VpcdCard {
    byte[] atr();

    /** Power-up, power-down and warm reset all end the card's selection and verified PINs. */
    void reset();

    /** Answers one command APDU with the response APDU (data and status word). */
    byte[] transmit(byte[] commandApdu);

    /** The simulator's virtual My Number card (or foreign card); a malformed command is answered 67 00. */
    static VpcdCard of(VirtualMynaCard card) {
        Objects.requireNonNull(card, "card");
        return new VpcdCard() {
            @Override
            public byte[] atr() {
                return card.atr();
            }

            @Override
            public void reset() {
                card.reset();
            }

            @Override
            public byte[] transmit(byte[] commandApdu) {
                CommandAPDU command;
                try {
                    command = new CommandAPDU(commandApdu);
                } catch (IllegalArgumentException e) {
                    return StatusWord.WRONG_LENGTH.toBytes();
                }
                return card.transmit(command).getBytes();
            }

            @Override
            public String toString() {
                return "VpcdCard[" + card + "]";
            }
        };
    }
}
