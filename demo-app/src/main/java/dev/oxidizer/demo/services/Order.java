package dev.oxidizer.demo.services;

import java.util.List;
import java.util.Objects;

/**
 * A checkout order: a domain object passed around as an object graph (not portable to Rust as is).
 *
 * @param customerId the customer
 * @param lines      the order lines, at least one
 */
public record Order(String customerId, List<LineItem> lines) {

    /**
     * @param sku            the product code
     * @param quantity       units, {@code >= 1}
     * @param unitPriceCents price of one unit in cents
     */
    public record LineItem(String sku, int quantity, long unitPriceCents) {
    }

    public Order {
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
    }
}
