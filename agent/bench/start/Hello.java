/** The smallest program: what the agent's start costs shows alone (agent/bench/start-cost.sh). */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello " + args.length);
    }
}
