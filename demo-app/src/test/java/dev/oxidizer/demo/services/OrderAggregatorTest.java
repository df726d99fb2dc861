package dev.oxidizer.demo.services;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderAggregatorTest {

    @Test
    void totalsEachCustomerAndKeepsTheFirstMostValuableLine() {
        List<Order> orders = List.of(
                new Order("alice", List.of(new Order.LineItem("A", 2, 500), new Order.LineItem("B", 1, 1000))),
                new Order("bob", List.of(new Order.LineItem("C", 3, 100))),
                new Order("alice", List.of(new Order.LineItem("D", 1, 1500))));
        Map<String, CustomerTotals> totals = OrderAggregator.totalsByCustomer(orders);
        assertEquals(new CustomerTotals(2, 4, 3500, "D", 1500), totals.get("alice"));
        assertEquals(new CustomerTotals(1, 3, 300, "C", 300), totals.get("bob"));
        assertEquals(2, totals.size());
    }

    @Test
    void emptyBatchGivesAnEmptyMap() {
        assertTrue(OrderAggregator.totalsByCustomer(List.of()).isEmpty());
    }
}
