package dev.oxidizer.demo.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stock look-ups against the inventory backend over loopback TCP. A decoy for the {@code cpu-bound} rule:
 * called on every stock request, portable signature, coarse, but nearly all of its wall time is spent
 * blocked in a socket read while the backend answers (a few milliseconds per call).
 *
 * <p>Each calling thread keeps one persistent connection (as a pooled HTTP client would). State is static
 * so that the labelled method keeps a portable {@code (String) -> int} signature; {@link #connect(int)}
 * and {@link #closeAll()} bracket a run. Threading: {@link #fetchStock(String)} may be called from any
 * number of threads between those two calls.
 */
public final class InventoryClient {

    private static volatile int port = -1;
    private static final Set<Connection> OPEN = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Connection> CONNECTION = new ThreadLocal<>();

    private InventoryClient() {
    }

    /** Points subsequent look-ups at the backend on 127.0.0.1:{@code backendPort}. */
    public static void connect(int backendPort) {
        port = backendPort;
    }

    /** Closes every connection opened since {@link #connect(int)}; later look-ups fail until reconnected. */
    public static void closeAll() {
        port = -1;
        for (Connection c : OPEN) {
            c.close();
        }
        OPEN.clear();
    }

    /**
     * Asks the backend how many units of {@code sku} are in stock.
     *
     * @param sku a product code without line breaks
     * @return the units in stock reported by the backend
     * @throws UncheckedIOException if the backend cannot be reached or answers badly
     */
    public static int fetchStock(String sku) {
        Connection c = CONNECTION.get();
        try {
            if (c == null || c.port != port) {
                if (c != null) {
                    c.close();
                }
                c = new Connection(port);
                CONNECTION.set(c);
                OPEN.add(c);
            }
            c.out.write(("STOCK " + sku + "\n").getBytes(StandardCharsets.US_ASCII));
            c.out.flush();
            String reply = c.in.readLine();
            if (reply == null || !reply.startsWith("OK ")) {
                throw new IOException("inventory backend answered '" + reply + "' to STOCK " + sku);
            }
            return Integer.parseInt(reply.substring(3));
        } catch (IOException e) {
            CONNECTION.remove();
            throw new UncheckedIOException("stock look-up for " + sku + " failed", e);
        }
    }

    private static final class Connection {
        final int port;
        final Socket socket;
        final OutputStream out;
        final BufferedReader in;

        Connection(int port) throws IOException {
            if (port < 0) {
                throw new IOException("inventory client is not connected to a backend");
            }
            this.port = port;
            this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing at shutdown: nothing left to report to
            }
        }
    }
}
