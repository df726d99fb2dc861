package dev.oxidizer.demo.services;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a checkout batch by customer. A decoy for the {@code portable-signature} rule: it is CPU-bound,
 * coarse (tens of microseconds) and called on every checkout request, but it takes a {@code List} of
 * domain records and returns a {@code Map} of records, which cannot cross an FFM boundary without
 * flattening the graph into primitive arrays first (and it allocates a record per order).
 */
public final class OrderAggregator {

    private OrderAggregator() {
    }

    /**
     * Totals {@code orders} per customer id, in list order.
     *
     * @param orders the batch (may be empty)
     * @return a new mutable map from customer id to that customer's totals
     */
    public static Map<String, CustomerTotals> totalsByCustomer(List<Order> orders) {
        Map<String, CustomerTotals> totals = new HashMap<>();
        for (Order order : orders) {
            totals.merge(order.customerId(), CustomerTotals.EMPTY.plus(order),
                    (old, ignored) -> old.plus(order));
        }
        return totals;
    }
}
