package jp.mynakiosk.sim.vpcd;

import java.util.Objects;
import jp.mynakiosk.sim.card.VirtualMynaCard;

/** What a virtual card must do to be served over the vpcd socket: power, ATR and APDUs. */
public interface VpcdCard {
    byte[] atr();

    /** Power-up, power-down and warm reset all end the card's selection and verified PINs. */
    void reset();

    /** Answers one command APDU with the response APDU (data and status word). */
    byte[] transmit(byte[] commandApdu);

    /**
     * The simulator's virtual My Number card (or foreign card) with its own ATR; a T=0 card answers 61 xx and
     * 6C xx itself, so the JDK's PC/SC channel does the GET RESPONSE work. A malformed command is answered 67 00.
     */
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
                return card.transmit(commandApdu);
            }

            @Override
            public String toString() {
                return "VpcdCard[" + card + "]";
            }
        };
    }
}
