package dev.oxidizer.demo.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoutePlannerTest {

    @Test
    void fewerThanTwoPointsHaveNoLength() {
        assertEquals(0.0, RoutePlanner.planTour(new double[0], new double[0]));
        assertEquals(0.0, RoutePlanner.planTour(new double[] {3}, new double[] {4}));
    }

    @Test
    void twoPointsGoThereAndBack() {
        assertEquals(10.0, RoutePlanner.planTour(new double[] {0, 3}, new double[] {0, 4}), 1e-12);
    }

    @Test
    void squareGivesItsPerimeter() {
        double[] xs = {0, 1, 1, 0};
        double[] ys = {0, 1, 0, 1};
        assertEquals(4.0, RoutePlanner.planTour(xs, ys), 1e-12);
    }

    @Test
    void twoOptShortensTheNearestNeighbourTour() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        int n = 200;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = r.nextDouble(100);
            ys[i] = r.nextDouble(100);
        }
        double nearestNeighbour = nearestNeighbourLength(xs, ys);
        double planned = RoutePlanner.planTour(xs, ys);
        org.junit.jupiter.api.Assertions.assertTrue(planned < nearestNeighbour * 0.97,
                "2-opt gave " + planned + ", nearest neighbour alone " + nearestNeighbour);
        assertEquals(planned, RoutePlanner.planTour(xs, ys), "deterministic");
    }

    /** Independent nearest-neighbour tour length from point 0, ties to the lower index. */
    private static double nearestNeighbourLength(double[] xs, double[] ys) {
        int n = xs.length;
        boolean[] used = new boolean[n];
        used[0] = true;
        int at = 0;
        double length = 0;
        for (int k = 1; k < n; k++) {
            int best = -1;
            for (int p = 0; p < n; p++) {
                if (!used[p] && (best < 0 || Math.hypot(xs[p] - xs[at], ys[p] - ys[at]) < Math.hypot(xs[best] - xs[at], ys[best] - ys[at]))) {
                    best = p;
                }
            }
            length += Math.hypot(xs[best] - xs[at], ys[best] - ys[at]);
            used[best] = true;
            at = best;
        }
        return length + Math.hypot(xs[at] - xs[0], ys[at] - ys[0]);
    }

    @Test
    void pointsOnACircleGiveThePolygonPerimeter() {
        int n = 50;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            // shuffled order: index i sits at angle (i * 17 mod n)
            double a = 2 * Math.PI * ((i * 17) % n) / n;
            xs[i] = Math.cos(a);
            ys[i] = Math.sin(a);
        }
        assertEquals(2 * n * Math.sin(Math.PI / n), RoutePlanner.planTour(xs, ys), 1e-9);
    }

    @Test
    void mismatchedOrNonFiniteInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RoutePlanner.planTour(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> RoutePlanner.planTour(new double[] {0, Double.NaN}, new double[2]));
    }
}
