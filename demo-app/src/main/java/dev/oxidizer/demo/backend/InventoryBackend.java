package dev.oxidizer.demo.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small inventory service on loopback TCP that the demo talks to, standing in for a remote database.
 *
 * <p>Protocol (US-ASCII lines): the client sends {@code STOCK <sku>\n}; after {@code replyDelayNanos} the
 * backend answers {@code OK <units>\n}, where units is {@link #unitsInStock(String)} (deterministic);
 * any other line gets {@code ERR unknown command\n}. Binds 127.0.0.1 on an ephemeral port; one thread
 * per connection ({@code inventory-backend-conn-N}). {@link #close()} stops accepting, closes every
 * connection and joins the threads.
 */
public final class InventoryBackend implements AutoCloseable {

    private final long replyDelayNanos;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private InventoryBackend(long replyDelayNanos) throws IOException {
        this.replyDelayNanos = replyDelayNanos;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "inventory-backend");
        acceptor.setDaemon(true);
    }

    /**
     * Starts a backend.
     *
     * @param replyDelayNanos how long each answer takes, {@code >= 0}
     * @return the running backend
     * @throws IOException if no loopback port can be bound
     */
    public static InventoryBackend start(long replyDelayNanos) throws IOException {
        if (replyDelayNanos < 0) {
            throw new IllegalArgumentException("replyDelayNanos must be >= 0, got " + replyDelayNanos);
        }
        InventoryBackend backend = new InventoryBackend(replyDelayNanos);
        backend.acceptor.start();
        return backend;
    }

    /** The bound port on 127.0.0.1. */
    public int port() {
        return server.getLocalPort();
    }

    /** The stock level the backend reports for {@code sku}: a fixed function of the SKU, in [0, 500). */
    public static int unitsInStock(String sku) {
        return Math.floorMod(sku.hashCode() * 31 + 7, 500);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "inventory-backend-conn-" + connections.incrementAndGet());
                t.setDaemon(true);
                handlers.add(t);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("inventory-backend: accept failed: " + e.getMessage());
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                String reply = line.startsWith("STOCK ") ? "OK " + unitsInStock(line.substring(6)) : "ERR unknown command";
                pause();
                out.write((reply + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (SocketException e) {
            // the client or close() hung up: normal end of a connection
        } catch (IOException e) {
            if (!closed) {
                System.err.println("inventory-backend: connection failed: " + e.getMessage());
            }
        }
    }

    private void pause() {
        long deadline = System.nanoTime() + replyDelayNanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed by the peer
            }
        }
        acceptor.join(5_000);
        for (Thread t : handlers) {
            t.join(5_000);
        }
    }
}
