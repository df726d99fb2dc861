package example.app;

/**
 * A program whose hot method is so short that the full probe costs more than the method itself: the agent's cost
 * budget must demote it. Arguments: rounds and calls per round; prints a checksum and the calls made.
 */
public final class BudgetApp {
    private BudgetApp() {}

    /** Short, but with a loop (so not trivial: it starts with the full probe). */
    static int step(int x) {
        for (int i = 0; i < 2; i++) {
            x = x * 31 + i;
        }
        return x;
    }

    static int round(int calls, int seed) {
        int x = seed;
        for (int i = 0; i < calls; i++) {
            x = step(x) ^ i;
        }
        return x;
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        long sum = 0;
        for (int r = 0; r < rounds; r++) {
            sum += round(calls, r);
        }
        System.out.println("checksum " + sum + " step_calls " + (long) rounds * calls);
    }
}
