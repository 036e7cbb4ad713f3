package jp.mynakiosk.sim.vpcd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import jdk.net.ExtendedSocketOptions;

/**
 * One virtual card in a vsmartcard {@code vpcd} reader. The reader driver (inside pcscd) listens on a TCP
 * port per slot; while this connection is open the slot holds the card, and closing it pulls the card out.
 * The protocol: every message is a 2-byte big-endian length and a payload. A 1-byte payload is a control
 * code: 00 power off, 01 power on, 02 reset (none of them is answered), 04 "send the ATR". Any longer
 * payload is a command APDU, answered with the response APDU. pcscd asks for the ATR every few hundred
 * milliseconds to see whether the card is still there; a closed socket is a removed card.
 * <p>One daemon thread per connection serves the card; {@link #close()} stops and joins it.
 */
public final class VpcdConnection implements AutoCloseable {
    /** The first vpcd slot ("Virtual PCD 00 00"); the second listens on the next port. */
    public static final int DEFAULT_PORT = 35963;
    static final int CONTROL_POWER_OFF = 0x00;
    static final int CONTROL_POWER_ON = 0x01;
    static final int CONTROL_RESET = 0x02;
    static final int CONTROL_ATR = 0x04;
    private static final System.Logger LOG = System.getLogger(VpcdConnection.class.getName());

    private final Socket socket;
    private final VpcdCard card;
    private final Runnable onLost;
    private final Thread server;
    private volatile boolean closing;
    private boolean quickAck;

    private VpcdConnection(Socket socket, VpcdCard card, String name, Runnable onLost) {
        this.socket = socket;
        this.card = card;
        this.onLost = onLost;
        this.quickAck = socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        this.server = new Thread(this::serve, "vpcd-card " + name);
        this.server.setDaemon(true);
    }

    /**
     * Connects the card to the vpcd slot listening on {@code host:port} (the card is then inserted).
     *
     * @throws IOException when nothing listens there (pcscd not running, or vpcd not installed)
     */
    public static VpcdConnection insert(String host, int port, VpcdCard card, Duration connectTimeout)
            throws IOException {
        return insert(host, port, card, connectTimeout, () -> { });
    }

    /**
     * As {@link #insert(String, int, VpcdCard, Duration)}; {@code onLost} runs on the serving thread when the
     * reader side ends the connection (pcscd stopped, or it found the card unresponsive), not after close().
     */
    public static VpcdConnection insert(String host, int port, VpcdCard card, Duration connectTimeout,
            Runnable onLost) throws IOException {
        Objects.requireNonNull(card, "card");
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
        } catch (IOException e) {
            socket.close();
            throw new IOException("no vpcd reader listens on " + host + ":" + port
                    + " (is pcscd running with vsmartcard-vpcd installed?): " + e.getMessage(), e);
        }
        card.reset();
        VpcdConnection connection = new VpcdConnection(socket, card, host + ":" + port,
                Objects.requireNonNull(onLost, "onLost"));
        connection.server.start();
        return connection;
    }

    /** True until the card was removed (by {@link #close()} or because the reader side closed the socket). */
    public boolean isInserted() {
        return server.isAlive();
    }

    /** Pulls the card out: closes the socket and waits for the serving thread to end. */
    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the vpcd socket failed: {0}", e.getMessage());
        }
        if (Thread.currentThread() != server) {
            try {
                server.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve() {
        try {
            exchange();
        } finally {
            if (!closing) {
                onLost.run();
            }
        }
    }

    private void exchange() {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            while (true) {
                acknowledgeAtOnce();
                byte[] message = readMessage(in);
                if (message.length == 1) {
                    control(message[0] & 0xFF, out);
                } else if (message.length > 1) {
                    byte[] response = card.transmit(message);
                    Arrays.fill(message, (byte) 0);
                    writeMessage(out, response);
                }
            }
        } catch (EOFException e) {
            LOG.log(System.Logger.Level.DEBUG, "vpcd closed the connection");
        } catch (IOException e) {
            if (!closing) {
                LOG.log(System.Logger.Level.DEBUG, "vpcd connection ended: {0}", e.getMessage());
            }
        }
    }

    /**
     * vpcd (Debian's 0.8) sends the 2-byte length and the payload with two send() calls; with Nagle on its
     * side the payload waits for our ACK of the length, which Linux delays by 40 ms. Quick ACKs make an APDU
     * take well under a millisecond instead of 40 ms. Linux clears the flag after a while, so it is set again
     * before every read; where the option does not exist, only speed is lost.
     */
    private void acknowledgeAtOnce() {
        if (!quickAck) {
            return;
        }
        try {
            socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        } catch (IOException e) {
            quickAck = false;
        }
    }

    private void control(int code, DataOutputStream out) throws IOException {
        switch (code) {
            case CONTROL_POWER_OFF, CONTROL_POWER_ON, CONTROL_RESET -> card.reset();
            case CONTROL_ATR -> writeMessage(out, card.atr());
            default -> LOG.log(System.Logger.Level.DEBUG, "vpcd sent unknown control code {0}", code);
        }
    }

    /** The length field has 16 bits, so no message can ask for more than 64 KiB. */
    static byte[] readMessage(DataInputStream in) throws IOException {
        int length = in.readUnsignedShort();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    static void writeMessage(DataOutputStream out, byte[] payload) throws IOException {
        if (payload.length > 0xFFFF) {
            throw new IOException("a vpcd message holds at most 65535 bytes, not " + payload.length);
        }
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    @Override
    public String toString() {
        return "VpcdConnection[" + socket.getRemoteSocketAddress() + ", " + card + "]";
    }
}
