package example.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Test workload of many virtual threads: {@code tasks} tasks, each on its own virtual thread, each running
 * {@link ChurnApp#body} ({@code calls} calls of a count-only method inside a timed one). Prints a checksum that
 * does not depend on scheduling.
 */
public class VirtualThreadsApp {
    public static void main(String[] args) {
        int tasks = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        LongAdder sum = new LongAdder();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tasks; i++) {
                executor.submit(() -> sum.add(ChurnApp.body(calls)));
            }
        }
        System.out.println("checksum=" + sum.sum());
    }
}
