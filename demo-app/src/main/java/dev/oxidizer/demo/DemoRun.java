package dev.oxidizer.demo;

import dev.oxidizer.demo.backend.InventoryBackend;
import dev.oxidizer.demo.batch.NightlyBatch;
import dev.oxidizer.demo.server.Request;
import dev.oxidizer.demo.server.RequestGenerator;
import dev.oxidizer.demo.server.RequestHandler;
import dev.oxidizer.demo.server.RequestType;
import dev.oxidizer.demo.services.InventoryClient;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of the demo service: starts the inventory backend, the nightly batch thread and the request
 * workers ({@code request-worker-1..N}), feeds them the seeded request stream from the
 * {@code request-generator} thread for the configured duration, then stops everything.
 *
 * <p>Determinism contract: the first {@value #CHECKED_REQUESTS} requests of the stream are always served,
 * whatever the duration, and the checksum combines their response digests with a commutative sum, so it
 * depends only on the seed, never on thread count, duration or scheduling. Later requests and re-plan
 * requests are served but not checked. Re-plan requests are issued at {@value #REPLAN_FIRST_MILLIS} ms
 * after the start and then every {@value #REPLAN_PERIOD_MILLIS} ms (see docs/demo.md for why).
 *
 * <p>Not reusable: {@link #run()} once per instance. Runs must not overlap in one JVM (the inventory
 * client and the audit ledger are process-wide).
 */
public final class DemoRun {

    /** Requests whose responses form the checksum. */
    public static final int CHECKED_REQUESTS = 2_000;
    /** First re-plan request, in ms after the start. */
    public static final long REPLAN_FIRST_MILLIS = 9_000;
    /** Period of later re-plan requests, in ms. */
    public static final long REPLAN_PERIOD_MILLIS = 15_000;
    /** How long the inventory backend takes to answer. */
    static final long BACKEND_DELAY_NANOS = 3_000_000;

    private final DemoOptions options;
    private final PrintStream err;
    private final BlockingQueue<Request> queue = new ArrayBlockingQueue<>(256);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean generatorDone;

    /** @param err where progress and statistics go */
    public DemoRun(DemoOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    /** The outcome of a run. */
    /**
     * @param steadyRequestsPerSecond requests served per second after the warm-up ({@link DemoOptions#warmup}),
     *                                or NaN without one
     * @param steadyCpuMicrosPerRequest the process's CPU time (all threads, user and system) per request served
     *                                after the warm-up, in µs, or NaN without a warm-up or where the OS does not
     *                                report it. Unlike requests/s it does not fall when a shared machine's other
     *                                tenants take the CPU away (steal time is not the process's).
     */
    public record Result(long checksum, int checkedRequests, long[] servedByType, long replans, long batches, double seconds,
                         double steadyRequestsPerSecond, double steadyCpuMicrosPerRequest) {
        public String checksumHex() {
            return HexFormat.of().toHexDigits(checksum);
        }
    }

    /** Thrown when a request or a component failed; the run's statistics are not meaningful then. */
    public static final class RunFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        RunFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs the service to completion.
     *
     * @throws RunFailedException   if a request failed or the backend could not start
     * @throws InterruptedException if the calling thread is interrupted
     */
    public Result run() throws RunFailedException, InterruptedException {
        InventoryBackend backend;
        try {
            backend = InventoryBackend.start(BACKEND_DELAY_NANOS);
        } catch (IOException e) {
            throw new RunFailedException("cannot start the inventory backend on 127.0.0.1: " + e.getMessage(), e);
        }
        InventoryClient.connect(backend.port());
        NightlyBatch batch = NightlyBatch.start(options.seed());
        List<Worker> workers = new ArrayList<>();
        Generator generator;
        long start = System.nanoTime();
        long replans;
        try {
            for (int i = 1; i <= options.threads(); i++) {
                Worker w = new Worker();
                Thread t = new Thread(w, "request-worker-" + i);
                w.thread = t;
                workers.add(w);
                t.start();
            }
            generator = new Generator(start, workers);
            Thread g = new Thread(generator, "request-generator");
            g.start();
            g.join();
            replans = generator.replans;
            for (Worker w : workers) {
                w.thread.join();
            }
        } finally {
            generatorDone = true;
            for (Worker w : workers) {
                w.thread.join();
            }
            batch.stop();
            InventoryClient.closeAll();
            backend.close();
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        Throwable failed = failure.get();
        if (failed != null) {
            throw new RunFailedException(failed.toString(), failed);
        }
        long checksum = 0;
        int checked = 0;
        long[] byType = new long[RequestType.values().length];
        for (Worker w : workers) {
            checksum += w.checksum;
            checked += w.checked;
            for (int i = 0; i < byType.length; i++) {
                byType[i] += w.served[i];
            }
        }
        if (checked != CHECKED_REQUESTS) {
            throw new RunFailedException("served " + checked + " of the " + CHECKED_REQUESTS + " checked requests", null);
        }
        double steady = Double.NaN;
        double cpuPerRequest = Double.NaN;
        if (generator.warmupServed >= 0) {
            long total = 0;
            for (long n : byType) {
                total += n;
            }
            steady = (total - generator.warmupServed) / ((end - generator.warmupEnd) / 1e9);
            long cpu = processCpuNanos();
            if (cpu >= 0 && generator.warmupCpu >= 0 && total > generator.warmupServed) {
                cpuPerRequest = (cpu - generator.warmupCpu) / 1e3 / (total - generator.warmupServed);
            }
        }
        Result result = new Result(checksum, checked, byType, replans, batch.batches(), seconds, steady, cpuPerRequest);
        printStatistics(result);
        return result;
    }

    private void printStatistics(Result r) {
        long total = 0;
        for (long n : r.servedByType()) {
            total += n;
        }
        err.printf(Locale.ROOT, "demo-app: %d requests in %.2f s on %d threads (%.0f requests/s); %d batches on %s%n",
                total, r.seconds(), options.threads(), total / r.seconds(), r.batches(), NightlyBatch.THREAD_NAME);
        if (!Double.isNaN(r.steadyRequestsPerSecond())) {
            err.printf(Locale.ROOT, "demo-app: after %d s of warm-up: %.0f requests/s, %.1f us of process CPU per request%n",
                    options.warmup(), r.steadyRequestsPerSecond(), r.steadyCpuMicrosPerRequest());
        }
        for (RequestType type : RequestType.values()) {
            long n = r.servedByType()[type.ordinal()];
            err.printf(Locale.ROOT, "demo-app:   %-9s %9d  %10.1f/s%n", type.name().toLowerCase(Locale.ROOT), n, n / r.seconds());
        }
    }

    /** CPU time of this process so far (all threads), in ns, or -1 where the OS does not report it. */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
    }

    /** Order-independent combination: a commutative sum of mixed (id, digest) pairs. */
    static long contribution(long id, long digest) {
        long z = id * 0x9E3779B97F4A7C15L + digest;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private final class Generator implements Runnable {
        private final long start;
        private final List<Worker> workers;
        long replans;
        /** Requests served when the warm-up ended (-1: no warm-up, or it did not end), and when that was. */
        long warmupServed = -1;
        long warmupEnd;
        long warmupCpu = -1;

        Generator(long start, List<Worker> workers) {
            this.start = start;
            this.workers = workers;
        }

        @Override
        public void run() {
            RequestGenerator requests = new RequestGenerator(options.seed());
            long durationNanos = TimeUnit.SECONDS.toNanos(options.seconds());
            long nextReplan = TimeUnit.MILLISECONDS.toNanos(REPLAN_FIRST_MILLIS);
            long warmupNanos = options.warmup() > 0 ? TimeUnit.SECONDS.toNanos(options.warmup()) : Long.MAX_VALUE;
            try {
                long produced = 0;
                while (failure.get() == null) {
                    long elapsed = System.nanoTime() - start;
                    if (produced >= CHECKED_REQUESTS && elapsed >= durationNanos) {
                        break;
                    }
                    if (elapsed >= warmupNanos && warmupServed < 0) {
                        long served = 0;
                        for (Worker w : workers) {
                            served += w.done;
                        }
                        warmupEnd = System.nanoTime();
                        warmupCpu = processCpuNanos();
                        warmupServed = served;
                    }
                    if (elapsed >= nextReplan) {
                        submit(requests.replan((int) replans++));
                        nextReplan += TimeUnit.MILLISECONDS.toNanos(REPLAN_PERIOD_MILLIS);
                    }
                    submit(requests.next());
                    produced++;
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                generatorDone = true;
            }
        }

        private void submit(Request r) throws InterruptedException {
            while (!queue.offer(r, 50, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    return;
                }
            }
        }
    }

    private final class Worker implements Runnable {
        Thread thread;
        long checksum;
        int checked;
        final long[] served = new long[RequestType.values().length];
        /** Requests served so far, read by the generator at the end of the warm-up. */
        volatile long done;

        @Override
        public void run() {
            try {
                while (failure.get() == null) {
                    Request r = queue.poll(20, TimeUnit.MILLISECONDS);
                    if (r == null) {
                        if (generatorDone && queue.isEmpty()) {
                            return;
                        }
                        continue;
                    }
                    long digest = RequestHandler.handle(r);
                    served[r.type().ordinal()]++;
                    done++; // only this thread writes it
                    if (r.id() >= 0 && r.id() < CHECKED_REQUESTS) {
                        checksum += contribution(r.id(), digest);
                        checked++;
                    }
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        }
    }
}
