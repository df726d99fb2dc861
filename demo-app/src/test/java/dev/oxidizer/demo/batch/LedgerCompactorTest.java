package dev.oxidizer.demo.batch;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LedgerCompactorTest {

    @Test
    void sortsAndRemovesDuplicatesInPlace() {
        long[] ids = {5, -1, 5, 3, Long.MIN_VALUE, 3, 3, Long.MAX_VALUE};
        int n = LedgerCompactor.compact(ids);
        assertEquals(5, n);
        assertArrayEquals(new long[] {Long.MIN_VALUE, -1, 3, 5, Long.MAX_VALUE}, Arrays.copyOf(ids, n));
    }

    @Test
    void emptyAndSingleArrays() {
        assertEquals(0, LedgerCompactor.compact(new long[0]));
        assertEquals(1, LedgerCompactor.compact(new long[] {7}));
        assertEquals(1, LedgerCompactor.compact(new long[] {7, 7, 7}));
    }
}
