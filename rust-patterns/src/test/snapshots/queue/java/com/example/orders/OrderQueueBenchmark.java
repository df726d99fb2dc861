package com.example.orders;

import java.lang.foreign.Arena;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of {@link OrderQueue} + Rust consumer against an {@link ArrayBlockingQueue} handed to a Java
 * consumer thread, same producers, same item count and capacity, same run. Both consumers compute the
 * same checksum, and both results are checked, so neither side can skip work.
 *
 * <p>Usage: {@code OrderQueueBenchmark [--items N] [--producers P] [--capacity C] [--rounds R]}; prints one
 * line per measured round and a final line {@code ratio queue/ArrayBlockingQueue: X.XXx} (best round each).
 * It also prints the JVM CPU time spent per item (producer threads, plus the consumer thread for
 * {@code ArrayBlockingQueue}): what offloading to the Rust consumer saves the JVM.
 */
public final class OrderQueueBenchmark {
    private record Item(long id, double price, int qty, boolean buy, char side, short type) {
    }

    private static final Item POISON = new Item(0L, 0d, 0, false, (char) 0, (short) 0);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** JVM CPU nanoseconds of the last run, summed over its Java threads. */
    private static final AtomicLong CPU = new AtomicLong();

    private OrderQueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long items = 5_000_000;
        int producers = 2;
        int capacity = 4096;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--items" -> items = Long.parseLong(require(args[i], value));
                case "--producers" -> producers = Integer.parseInt(require(args[i], value));
                case "--capacity" -> capacity = Integer.parseInt(require(args[i], value));
                case "--rounds" -> rounds = Integer.parseInt(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; accepted: --items N --producers P --capacity C --rounds R");
            }
            i++;
        }
        if (producers < 1 || items < producers || rounds < 1) {
            throw new IllegalArgumentException("need producers >= 1, items >= producers, rounds >= 1");
        }
        System.out.printf("items=%d producers=%d capacity=%d rounds=%d (+1 warm-up)%n", items, producers, capacity, rounds);
        double bestQueue = 0;
        double bestAbq = 0;
        double cpuQueue = Double.MAX_VALUE;
        double cpuAbq = Double.MAX_VALUE;
        for (int r = 0; r <= rounds; r++) {
            double q = runQueue(items, producers, capacity);
            double qCpu = CPU.get() / (double) items;
            double a = runArrayBlockingQueue(items, producers, capacity);
            double aCpu = CPU.get() / (double) items;
            if (r == 0) {
                continue;
            }
            System.out.printf("round %d: OrderQueue + Rust consumer %,.0f items/s (JVM CPU %.1f ns/item);"
                    + " ArrayBlockingQueue + Java consumer %,.0f items/s (JVM CPU %.1f ns/item)%n", r, q, qCpu, a, aCpu);
            bestQueue = Math.max(bestQueue, q);
            bestAbq = Math.max(bestAbq, a);
            cpuQueue = Math.min(cpuQueue, qCpu);
            cpuAbq = Math.min(cpuAbq, aCpu);
        }
        System.out.printf("queue (OrderQueue, Rust consumer): %,.0f items/s%n", bestQueue);
        System.out.printf("ArrayBlockingQueue (Java consumer): %,.0f items/s%n", bestAbq);
        System.out.printf("ratio queue/ArrayBlockingQueue: %.2fx%n", bestQueue / bestAbq);
        System.out.printf("JVM CPU per item: queue %.1f ns, ArrayBlockingQueue %.1f ns (ratio %.2fx)%n",
                cpuQueue, cpuAbq, cpuQueue / cpuAbq);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static Item itemFor(long i) {
        return new Item((i + 0), (double) (i + 1) * 0.25, (int) (i + 2), ((i + 3) & 1) == 1, (char) (i + 4), (short) (i + 5));
    }

    private static double runQueue(long items, int producers, int capacity) throws Exception {
        try (Arena arena = Arena.ofShared()) {
            OrderQueue queue = OrderQueue.allocate(arena, capacity);
            OrderQueueConsumer consumer = OrderQueueConsumer.start(queue);
            AtomicLong expected = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            CPU.set(0);
            long start = System.nanoTime();
            for (int p = 0; p < producers; p++) {
                long from = items * p / producers;
                long to = items * (p + 1) / producers;
                threads.add(Thread.ofPlatform().name("producer-" + p).start(() -> {
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    long sum = 0;
                    for (long i = from; i < to; i++) {
                        Item it = itemFor(i);
                        try {
                            queue.put(it.id(), it.price(), it.qty(), it.buy(), it.side(), it.type(), 1, TimeUnit.MINUTES);
                        } catch (InterruptedException | TimeoutException e) {
                            throw new IllegalStateException("producer stuck: " + e, e);
                        }
                        sum += OrderQueue.checksumOf(it.id(), it.price(), it.qty(), it.buy(), it.side(), it.type());
                    }
                    expected.addAndGet(sum);
                    CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            OrderQueueConsumer.Stats stats = consumer.finish();
            long nanos = System.nanoTime() - start;
            if (stats.consumed() != items || stats.checksum() != expected.get()) {
                throw new IllegalStateException("queue lost or corrupted items: " + stats + ", expected " + items
                        + " items with checksum " + expected.get());
            }
            return items * 1e9 / nanos;
        }
    }

    private static double runArrayBlockingQueue(long items, int producers, int capacity) throws Exception {
        ArrayBlockingQueue<Item> queue = new ArrayBlockingQueue<>(capacity);
        AtomicLong expected = new AtomicLong();
        long[] got = new long[2];
        CPU.set(0);
        Thread consumer = Thread.ofPlatform().name("abq-consumer").start(() -> {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long count = 0;
            long sum = 0;
            try {
                while (true) {
                    Item it = queue.take();
                    if (it == POISON) {
                        break;
                    }
                    count++;
                    sum += OrderQueue.checksumOf(it.id(), it.price(), it.qty(), it.buy(), it.side(), it.type());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            got[0] = count;
            got[1] = sum;
            CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
        });
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int p = 0; p < producers; p++) {
            long from = items * p / producers;
            long to = items * (p + 1) / producers;
            threads.add(Thread.ofPlatform().name("producer-" + p).start(() -> {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long sum = 0;
                try {
                    for (long i = from; i < to; i++) {
                        Item it = itemFor(i);
                        queue.put(it);
                        sum += OrderQueue.checksumOf(it.id(), it.price(), it.qty(), it.buy(), it.side(), it.type());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                expected.addAndGet(sum);
                CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        queue.put(POISON);
        consumer.join();
        long nanos = System.nanoTime() - start;
        if (got[0] != items || got[1] != expected.get()) {
            throw new IllegalStateException("ArrayBlockingQueue run lost items: " + got[0] + " of " + items);
        }
        return items * 1e9 / nanos;
    }
}
