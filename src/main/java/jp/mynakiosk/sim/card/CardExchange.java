package jp.mynakiosk.sim.card;

/**
 * One command and answer as the virtual card saw them on its interface, without any data bytes (a VERIFY
 * carries a PIN): header, lengths and status word. For traces and APDU counts.
 *
 * @param commandLength bytes of the command as received (for T=0: the TPDU, Le removed from case 4)
 * @param responseDataLength data bytes of the answer, status word not counted
 * @param sw the status word of the answer
 */
public record CardExchange(int cla, int ins, int p1, int p2, int commandLength, int responseDataLength, int sw) {
    public int sw1() {
        return sw >> 8;
    }

    public boolean isGetResponse() {
        return ins == T0Transport.INS_GET_RESPONSE;
    }

    @Override
    public String toString() {
        return String.format("%02X %02X %02X %02X (%d bytes) -> %d bytes %04X", cla, ins, p1, p2, commandLength,
                responseDataLength, sw);
    }
}
