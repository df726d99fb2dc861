package dev.oxidizer.demo.server;

import dev.oxidizer.demo.services.Order;

import java.util.List;

/**
 * A decoded client request. Every request has a sequence id (a non-negative position in the generated
 * stream, or {@link #UNSEQUENCED} for requests injected on a timer) and a routing key.
 */
public sealed interface Request {

    /** Id of requests that are not part of the seeded sequence (they never enter the checksum). */
    long UNSEQUENCED = -1;

    long id();

    long routingKey();

    /** The request's type, for statistics. */
    RequestType type();

    /** Full-text search: tokenize the query. */
    record Search(long id, long routingKey, String query) implements Request {
        public RequestType type() {
            return RequestType.SEARCH;
        }
    }

    /** Summarize a window of latency samples (milliseconds; may contain NaN gaps). */
    record Metrics(long id, long routingKey, double[] samples) implements Request {
        public RequestType type() {
            return RequestType.METRICS;
        }
    }

    /** Store an uploaded blob: fingerprint it. */
    record Upload(long id, long routingKey, byte[] payload) implements Request {
        public RequestType type() {
            return RequestType.UPLOAD;
        }
    }

    /** Render a thumbnail: blur the packed ARGB image. */
    record Thumbnail(long id, long routingKey, int[] pixels, int width, int height) implements Request {
        public RequestType type() {
            return RequestType.THUMBNAIL;
        }
    }

    /** Check out a batch of orders: total them per customer. */
    record Checkout(long id, long routingKey, List<Order> orders) implements Request {
        public RequestType type() {
            return RequestType.CHECKOUT;
        }
    }

    /** Look up stock of a product at the inventory backend. */
    record Stock(long id, long routingKey, String sku) implements Request {
        public RequestType type() {
            return RequestType.STOCK;
        }
    }

    /** Record a payment in the shared audit ledger. */
    record Payment(long id, long routingKey, String account, long amountCents) implements Request {
        public RequestType type() {
            return RequestType.PAYMENT;
        }
    }

    /** Re-plan the delivery route through the given stops (an operator request, issued on a timer). */
    record Replan(long id, long routingKey, double[] xs, double[] ys) implements Request {
        public RequestType type() {
            return RequestType.REPLAN;
        }
    }
}
