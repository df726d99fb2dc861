package dev.oxidizer.workloads.kernels;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A cache server on loopback TCP, answering each look-up after 3 ms (a remote round trip). */
public final class RemoteCache implements AutoCloseable {
    // Static so that lookup's signature is portable (static, String in, int out): it must be rejected for its I/O.
    private static ServerSocket server;
    private static final ThreadLocal<Socket[]> CONNECTION = ThreadLocal.withInitial(() -> new Socket[1]);

    RemoteCache() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(RemoteCache::accept, "cache-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serveConnection(s), "cache-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serveConnection(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream());
             DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            while (true) {
                int key = in.readInt();
                Thread.sleep(3);
                out.writeInt(key * 31);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // connection closed
        }
    }

    /**
     * Looks a key up on the cache server: about 3 ms waiting in a socket read per call and microseconds of CPU, on 11 %
     * of requests. Label: decoy for {@code cpu-bound} (I/O-bound).
     */
    public static int lookup(String key) {
        try {
            Socket[] c = CONNECTION.get();
            if (c[0] == null) {
                c[0] = new Socket(server.getInetAddress(), server.getLocalPort());
                c[0].setTcpNoDelay(true);
            }
            DataOutputStream out = new DataOutputStream(c[0].getOutputStream());
            out.writeInt(key.hashCode());
            out.flush();
            return new DataInputStream(c[0].getInputStream()).readInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
