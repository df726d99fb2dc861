package dev.oxidizer.demo.services;

/**
 * Immutable running totals of one customer's orders.
 *
 * @param orders     number of orders
 * @param units      units over all lines
 * @param totalCents value over all lines, in cents
 * @param topSku     the SKU of the most valuable single line seen so far (first wins on ties)
 * @param topLineCents value of that line
 */
public record CustomerTotals(int orders, long units, long totalCents, String topSku, long topLineCents) {

    static final CustomerTotals EMPTY = new CustomerTotals(0, 0, 0, "", -1);

    CustomerTotals plus(Order order) {
        long u = units;
        long t = totalCents;
        String sku = topSku;
        long top = topLineCents;
        for (Order.LineItem line : order.lines()) {
            long value = line.quantity() * line.unitPriceCents();
            u += line.quantity();
            t += value;
            if (value > top) {
                top = value;
                sku = line.sku();
            }
        }
        return new CustomerTotals(orders + 1, u, t, sku, top);
    }
}
