package jp.mynakiosk.sim.card;

import java.util.Arrays;
import javax.smartcardio.CardException;

/**
 * What the JDK's PC/SC channel ({@code sun.security.smartcardio.ChannelImpl.doTransmit}, JDK 17, default
 * properties) does around each exchange, so that the kiosk's card code meets the same answers in-process as
 * through pcscd: for T=0 it refuses extended lengths and drops Le from a case-4 command; for T=0 and T=1 it
 * resends a command answered {@code 6C xx} (exactly two bytes) with its last byte set to xx, and on
 * {@code 61 xx} keeps the data, sends GET RESPONSE {@code CLA C0 00 00 xx} (CLA of the command before) and
 * concatenates, at most 256 exchanges per call.
 */
final class PcscTransmission {
    private static final int MAX_EXCHANGES = 256;

    /** One exchange with the card: the first {@code length} bytes of {@code command} in, the response out. */
    @FunctionalInterface
    interface Link {
        byte[] exchange(byte[] command, int length) throws CardException;
    }

    private PcscTransmission() {
    }

    /** {@code command} is the caller's copy: it is changed (6C resend, GET RESPONSE) and not wiped here. */
    static byte[] transmit(byte[] command, boolean t0, Link link) throws CardException {
        int n = command.length;
        if (t0 && n >= 7 && command[4] == 0) {
            throw new CardException("Extended length forms not supported for T=0");
        }
        if (t0 && n >= 7) {
            int lc = command[4] & 0xFF;
            if (n == lc + 6) {
                n--;
            }
        }
        byte[] apdu = command;
        byte[] result = new byte[0];
        for (int exchanges = 1; ; exchanges++) {
            if (exchanges > MAX_EXCHANGES) {
                throw new CardException("Number of response iterations exceeded maximum " + MAX_EXCHANGES);
            }
            byte[] response = link.exchange(apdu, n);
            int rn = response.length;
            if (rn >= 2 && n >= 1) {
                if (rn == 2 && response[0] == 0x6C) {
                    apdu[n - 1] = response[1];
                    continue;
                }
                if (response[rn - 2] == 0x61) {
                    if (rn > 2) {
                        result = concat(result, response, rn - 2);
                    }
                    if (apdu.length < 5) {
                        apdu = new byte[] {apdu[0], 0, 0, 0, 0};
                    }
                    apdu[1] = (byte) T0Transport.INS_GET_RESPONSE;
                    apdu[2] = 0;
                    apdu[3] = 0;
                    apdu[4] = response[rn - 1];
                    n = 5;
                    continue;
                }
            }
            return concat(result, response, rn);
        }
    }

    private static byte[] concat(byte[] head, byte[] tail, int tailLength) {
        byte[] joined = Arrays.copyOf(head, head.length + tailLength);
        System.arraycopy(tail, 0, joined, head.length, tailLength);
        Arrays.fill(head, (byte) 0);
        return joined;
    }
}
