package dev.oxidizer.analyzer;

import org.HdrHistogram.Histogram;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact sum of one method's latency histograms, kept as raw HdrHistogram counts until the end, so that adding
 * one interval's histogram costs one array addition per non-empty bucket instead of a histogram record each.
 *
 * <p>The primary layout is the one of the first histogram added (its significant digits, unit 1, no normalizing
 * offset), which is also the layout of the {@link Histogram} built by {@link #toHistogram()}; histograms in another
 * layout are summed per layout and added into it at the end with {@link Histogram#add}. A histogram's final state
 * depends only on the multiset of values recorded, so the result equals adding every interval's histogram into
 * one {@code Histogram} in any order, and {@link #addAll} of two sums equals the sum of all their inputs. Not
 * thread-safe.
 *
 * <p>The built histogram is identical to the one the interval histograms added in order would give, including its
 * encoding: an auto-resizing histogram's highest trackable value depends on how its last resize happened, so
 * the counts array length and that value are tracked as intervals are added ({@link #add} must see each
 * interval's indexes in ascending order, as they are encoded).
 */
final class LatencyCounts {
    /** Significant digits of the primary layout, -1 before the first histogram. */
    private int digits = -1;
    /**
     * Counts by index in pages of {@link #PAGE} allocated when first touched: one method's latencies touch about a
     * thousand of the tens of thousands of indexes a dense array would span.
     */
    private long[][] pages = new long[0][];
    private int maxIndex = -1;
    private static final int PAGE_BITS = 6;
    private static final int PAGE = 1 << PAGE_BITS;
    /** Counts-array length and highest trackable value the summed histogram has after the intervals added so far. */
    private int length;
    private long highestTrackable;
    /** Sums of histograms in other layouts, by layout. */
    private Map<String, Histogram> others;

    /** Digits of the primary layout, -1 when nothing was added yet. */
    int digits() {
        return digits;
    }

    /** Makes {@code digits} the primary layout when nothing was added yet; returns the primary layout's digits. */
    int primary(int digits) {
        if (this.digits < 0) {
            this.digits = digits;
            highestTrackable = 2; // new Histogram(digits)
            length = lengthNeeded(highestTrackable, digits);
        }
        return this.digits;
    }

    /**
     * HdrHistogram's auto-resize: a recorded value beyond the counts array resizes it to cover the value and sets the
     * highest trackable value to the top of the new array; {@link Histogram#add} resizes to the other's maximum.
     */
    private void resizeFor(long v, boolean recorded) {
        length = lengthNeeded(v, digits);
        highestTrackable = recorded ? valueAt(length, digits) - 1 : v;
    }

    /**
     * Adds one interval's counts: {@code values[i]} at index {@code indexes[i]} of the primary layout, for {@code i <
     * n}, indexes ascending (as encoded), as {@link #add} one by one would.
     */
    void addAscending(int[] indexes, long[] values, int n) {
        if (n == 0) {
            return;
        }
        int last = indexes[n - 1];
        if (last >>> PAGE_BITS >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max((last >>> PAGE_BITS) + 1, pages.length * 2));
        }
        long[][] pages = this.pages;
        for (int i = 0; i < n; i++) {
            int index = indexes[i];
            long[] page = pages[index >>> PAGE_BITS];
            if (page == null) {
                page = new long[PAGE];
                pages[index >>> PAGE_BITS] = page;
            }
            page[index & (PAGE - 1)] += values[i];
        }
        // Resizing to each index beyond the array in ascending order ends where resizing to the last one does.
        if (last >= length) {
            resizeFor(valueAt(last, digits), true);
        }
        maxIndex = Math.max(maxIndex, last);
    }

    /** Adds {@code count} at counts-array index {@code index} of the primary layout. */
    void add(int index, long count) {
        page(index >>> PAGE_BITS)[index & (PAGE - 1)] += count;
        if (index > maxIndex) {
            maxIndex = index;
        }
        if (index >= length) {
            resizeFor(valueAt(index, digits), true);
        }
    }

    private long[] page(int p) {
        if (p >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max(p + 1, pages.length * 2));
        }
        long[] page = pages[p];
        if (page == null) {
            page = new long[PAGE];
            pages[p] = page;
        }
        return page;
    }

    /** Adds a histogram that is not in the primary layout. */
    void addOther(Histogram h) {
        primary(h.getNumberOfSignificantValueDigits());
        // Histogram.add resizes the target to the other's maximum when it is beyond the target's last index.
        if (h.getTotalCount() > 0 && h.getMaxValue() >= valueAt(length, digits)) {
            resizeFor(h.getMaxValue(), false);
        }
        if (others == null) {
            others = new LinkedHashMap<>();
        }
        String layout = h.getNumberOfSignificantValueDigits() + "/" + h.getLowestDiscernibleValue();
        Histogram sum = others.get(layout);
        if (sum == null) {
            sum = new Histogram(h.getLowestDiscernibleValue(), 2 * h.getLowestDiscernibleValue(), h.getNumberOfSignificantValueDigits());
            sum.setAutoResize(true);
            others.put(layout, sum);
        }
        sum.add(h);
    }

    /** Adds everything {@code other} holds. */
    void addAll(LatencyCounts other) {
        if (other.digits < 0) {
            return;
        }
        primary(other.digits);
        if (other.digits == digits) {
            for (int p = 0; p < other.pages.length; p++) {
                long[] from = other.pages[p];
                if (from != null) {
                    long[] to = page(p);
                    for (int i = 0; i < PAGE; i++) {
                        to[i] += from[i];
                    }
                }
            }
            maxIndex = Math.max(maxIndex, other.maxIndex);
            // The other's intervals came after ours: its resizes from a fresh histogram are the ones that would
            // have happened here too, as far as they went beyond this histogram's length.
            if (other.length > length) {
                length = other.length;
                highestTrackable = other.highestTrackable;
            }
        } else if (other.maxIndex >= 0) {
            addOther(other.primaryHistogram());
        }
        if (other.others != null) {
            other.others.values().forEach(this::addOther);
        }
    }

    /** The summed histogram (3 significant digits, unit 1 when nothing was added), auto-resizing. */
    Histogram toHistogram() {
        Histogram h = primaryHistogram();
        if (others != null) {
            others.values().forEach(h::add);
        }
        return h;
    }

    private Histogram primaryHistogram() {
        Histogram h = digits < 0 ? new Histogram(3) : new Histogram(1, highestTrackable, digits);
        h.setAutoResize(true);
        for (int p = 0; p < pages.length; p++) {
            long[] page = pages[p];
            for (int i = 0; page != null && i < PAGE; i++) {
                if (page[i] != 0) {
                    h.recordValueWithCount(valueAt((p << PAGE_BITS) + i, h.getNumberOfSignificantValueDigits()), page[i]);
                }
            }
        }
        return h;
    }

    /** Lowest value of counts-array index {@code index} in a unit-1 layout with {@code digits} significant digits. */
    static long valueAt(int index, int digits) {
        int halfMagnitude = halfMagnitude(digits);
        int halfCount = 1 << halfMagnitude;
        int bucket = (index >> halfMagnitude) - 1;
        int sub = (index & (halfCount - 1)) + halfCount;
        if (bucket < 0) {
            sub -= halfCount;
            bucket = 0;
        }
        return (long) sub << bucket;
    }

    /** Counts-array length of a unit-1 histogram whose highest trackable value is {@code v} (HdrHistogram's rule). */
    static int lengthNeeded(long v, int digits) {
        int halfMagnitude = halfMagnitude(digits);
        long smallestUntrackable = 2L << halfMagnitude;
        int buckets = 1;
        while (smallestUntrackable <= v) {
            if (smallestUntrackable > Long.MAX_VALUE / 2) {
                buckets++;
                break;
            }
            smallestUntrackable <<= 1;
            buckets++;
        }
        return (buckets + 1) << halfMagnitude;
    }

    /** log2 of half the sub-bucket count of a layout with {@code digits} significant digits (HdrHistogram's rule). */
    static int halfMagnitude(int digits) {
        long largestSingleUnit = 2 * (long) Math.pow(10, digits);
        int subBucketCountMagnitude = 64 - Long.numberOfLeadingZeros(largestSingleUnit - 1);
        return (subBucketCountMagnitude > 1 ? subBucketCountMagnitude : 1) - 1;
    }
}
