package dev.oxidizer.cli.testapp.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * A small order-pricing service for the fleet test: each request is an order in JSON, parsed and written with Jackson
 * (third-party code the agent instruments too), priced by its own methods; one order in 16 is invalid and throws.
 * Arguments: {@code requests threads}. It serves that many requests, prints {@code done <checksum>}, then idles until
 * its stdin closes, so that a test can let Prometheus scrape the final counts before it exits.
 */
public final class OrdersService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OrdersService() {}

    static String order(int i) {
        return "{\"id\":" + i + ",\"customer\":\"c" + (i % 97) + "\",\"lines\":[" + "{\"sku\":\"s" + (i % 13)
                + "\",\"qty\":" + (1 + i % 5) + ",\"price\":" + (i % 16 == 0 ? "\"free\"" : String.valueOf(3 + i % 40)) + "},"
                + "{\"sku\":\"t" + (i % 7) + "\",\"qty\":" + (1 + i % 3) + ",\"price\":" + (10 + i % 11) + "}]}";
    }

    static long lineTotal(JsonNode line) {
        JsonNode price = line.get("price");
        if (!price.isNumber()) {
            throw new IllegalArgumentException("price is not a number: " + price);
        }
        return price.asLong() * line.get("qty").asLong();
    }

    static long discount(long total, String customer) {
        return customer.hashCode() % 5 == 0 ? total / 10 : 0;
    }

    static String handle(String request) throws IOException {
        JsonNode order = JSON.readTree(request);
        long total = 0;
        for (JsonNode line : order.get("lines")) {
            total += lineTotal(line);
        }
        total -= discount(total, order.get("customer").asText());
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", order.get("id").asLong());
        reply.put("total", total);
        return JSON.writeValueAsString(reply);
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = t;
            parts.add(pool.submit(() -> {
                long sum = 0;
                for (int i = from; i < requests; i += threads) {
                    try {
                        sum += handle(order(i)).length();
                    } catch (IllegalArgumentException rejected) {
                        sum += 1;
                    }
                }
                return sum;
            }));
        }
        long checksum = 0;
        for (Future<Long> f : parts) {
            checksum += f.get();
        }
        pool.shutdown();
        System.out.println("done " + checksum);
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // idle until the test closes stdin
        }
    }
}
