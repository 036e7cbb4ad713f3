package jp.mynakiosk.insurance.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between kiosks and the server (as a load balancer would be) that can lose the server's answers: while
 * {@link #dropAnswers() dropping}, what the server sends is read and thrown away, so the server has answered but
 * the kiosk never hears it. A connection that lost bytes stays lossy until it closes (its TLS stream is broken
 * anyway); new connections pass answers again after {@link #passAnswers()}. It cannot read the TLS traffic and
 * does not need to. When either side closes, both are closed.
 */
final class LossyRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicBoolean dropping = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    LossyRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("relay-accept", this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void dropAnswers() {
        dropping.set(true);
    }

    void passAnswers() {
        dropping.set(false);
    }

    /** Waits until some answer bytes have been thrown away; false if none within {@code timeout}. */
    boolean awaitDroppedAnswer(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (dropped) {
            while (dropped.get() == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                dropped.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket kiosk;
            try {
                kiosk = listener.accept();
            } catch (IOException e) {
                return;
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 1000);
            } catch (IOException e) {
                closeQuietly(kiosk); // no server: the kiosk sees the connection closed at once
                closeQuietly(server);
                continue;
            }
            open.add(kiosk);
            open.add(server);
            daemon("relay-to-server", () -> pump(kiosk, server, false));
            daemon("relay-to-kiosk", () -> pump(server, kiosk, true));
        }
    }

    private void pump(Socket from, Socket to, boolean answers) {
        byte[] buffer = new byte[16 * 1024];
        boolean lossy = false;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (answers && (lossy || dropping.get())) {
                    lossy = true;
                    synchronized (dropped) {
                        dropped.addAndGet(n);
                        dropped.notifyAll();
                    }
                } else {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side went away (e.g. the server was killed): close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            closeQuietly(s);
        }
    }
}
