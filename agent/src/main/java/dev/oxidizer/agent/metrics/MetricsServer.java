package dev.oxidizer.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The agent's Prometheus endpoint: {@code GET /metrics} on the JDK's own HTTP server ({@code jdk.httpserver}, no
 * library added to the agent jar), served by one daemon thread named {@code oxidizer-metrics}.
 *
 * <p>A scrape sends the latest {@link MetricsSnapshot} the flusher published, rendered once per snapshot and then
 * cached; it never reads the application threads' counters or histograms, takes no lock they take, and does no work
 * between scrapes. {@code /} answers with a one-line pointer; other paths 404, methods other than GET and HEAD 405.
 *
 * <p>Threading: {@link #start} and {@link #stop} by the agent's session; requests on the server's one thread (or, when
 * more than 64 wait, on its dispatcher thread: requests are handled one at a time).
 */
public final class MetricsServer {
    private final HttpServer server;
    private final ExecutorService executor;
    private final MethodMetrics metrics;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private MetricsSnapshot renderedFor;
    private byte[] rendered;
    private long scrapes;
    private long cpuNs;

    private MetricsServer(HttpServer server, ExecutorService executor, MethodMetrics metrics) {
        this.server = server;
        this.executor = executor;
        this.metrics = metrics;
    }

    /**
     * Binds {@code host:port} and starts serving on a daemon thread.
     *
     * @throws IOException when the address cannot be bound (in use, not local, not permitted)
     */
    public static MetricsServer start(MethodMetrics metrics) throws IOException {
        MetricsOptions o = metrics.options();
        HttpServer server = HttpServer.create(new InetSocketAddress(o.host(), o.port()), 16);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "oxidizer-metrics");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy()); // a flood of scrapes waits on the server's own thread, never dropped unanswered
        server.setExecutor(executor);
        MetricsServer s = new MetricsServer(server, executor, metrics);
        server.createContext("/", s::handle);
        // The server's dispatcher thread inherits daemon status from the thread that starts it: start it from a daemon
        // thread, so that it never keeps the application's JVM alive.
        Thread starter = new Thread(server::start, "oxidizer-metrics-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return s;
    }

    /** The bound address (the actual port when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops serving (detach); open exchanges get at most a second to finish. */
    public void stop() {
        server.stop(1);
        executor.shutdownNow();
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        long t0 = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                ex.sendResponseHeaders(405, -1);
                return;
            }
            if (path.equals("/")) {
                byte[] body = "Oxidizer agent: Prometheus metrics at /metrics\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                send(ex, 200, "text/plain; charset=utf-8", body, null);
                return;
            }
            if (!path.equals("/metrics")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            MetricsSnapshot s = metrics.snapshot();
            if (s != renderedFor) {
                rendered = PrometheusText.render(s);
                renderedFor = s;
            }
            scrapes++;
            send(ex, 200, PrometheusText.CONTENT_TYPE, rendered, PrometheusText.renderScrapeStats(scrapes, cpuNs / 1e9));
        } finally {
            ex.close();
            if (t0 != 0) {
                cpuNs += threads.getCurrentThreadCpuTime() - t0;
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, byte[] tail) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        long length = body.length + (tail == null ? 0 : tail.length);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : length);
        if (head) {
            return;
        }
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
            if (tail != null) {
                out.write(tail);
            }
        }
    }
}
