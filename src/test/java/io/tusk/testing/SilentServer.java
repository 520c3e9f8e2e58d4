package io.tusk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A loopback server that accepts TCP connections and never says a word: what a hung server, a
 * stuck load balancer or a black-holing firewall look like to a client. It keeps what the clients
 * sent, so a test can check that a client gave up and closed its socket.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Semaphore acceptedPermits = new Semaphore(0);

    public SilentServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "silent-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                accepted.add(server.accept());
                acceptedPermits.release();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * True when {@code count} clients have connected and every one has closed its end again, all
     * within {@code timeout} (the server reads each to end of stream, discarding what it sent).
     */
    public boolean clientsConnectedAndClosed(int count, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!acceptedPermits.tryAcquire(count, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        acceptedPermits.release(count);
        for (Socket s : accepted) {
            if (!readsToEnd(s, deadline)) {
                return false;
            }
        }
        return true;
    }

    private static boolean readsToEnd(Socket s, long deadline) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[1024];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            s.setSoTimeout((int) left);
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // reset by the client: closed as well
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : accepted) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
