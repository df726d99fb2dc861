package dev.oxidizer.demo.services;

import dev.oxidizer.demo.backend.InventoryBackend;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Talks to a real backend on loopback. */
class InventoryClientTest {

    @Test
    void fetchesTheBackendsStockLevelAfterItsDelay() throws Exception {
        try (InventoryBackend backend = InventoryBackend.start(2_000_000)) {
            InventoryClient.connect(backend.port());
            try {
                long t0 = System.nanoTime();
                for (String sku : new String[] {"SKU-1", "SKU-2", "SKU-1"}) {
                    assertEquals(InventoryBackend.unitsInStock(sku), InventoryClient.fetchStock(sku));
                }
                assertTrue(System.nanoTime() - t0 >= 6_000_000, "three answers take at least 3 x 2 ms");
            } finally {
                InventoryClient.closeAll();
            }
        }
    }

    @Test
    void failsClearlyWhenNotConnected() {
        InventoryClient.closeAll();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> InventoryClient.fetchStock("SKU-1"));
        assertTrue(e.getCause().getMessage().contains("not connected"), e.getCause().getMessage());
    }
}
