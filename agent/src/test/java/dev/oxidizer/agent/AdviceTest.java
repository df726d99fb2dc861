package dev.oxidizer.agent;

import dev.oxidizer.agent.core.AdviceFactory;
import dev.oxidizer.agent.runtime.MethodTable;
import dev.oxidizer.agent.runtime.StatePool;
import dev.oxidizer.agent.runtime.ThreadState;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The advice on its own: redefined with Byte Buddy in this JVM, no agent. */
class AdviceTest {
    /** Instrumented in the tests. */
    public static class Target {
        public Target() {
        }

        public static int twice(int x) {
            return 2 * x;
        }

        public int fails(int x) {
            throw new IllegalArgumentException("bad " + x);
        }

        public static int depth(int n) {
            return n == 0 ? 0 : 1 + depth(n - 1);
        }
    }

    private static Class<?> instrumented() {
        return new ByteBuddy().redefine(Target.class).name(Target.class.getName() + "$Advised")
                .visit(AdviceFactory.methodAdvice().on(isMethod()))
                .visit(AdviceFactory.constructorAdvice().on(isConstructor()))
                .make().load(AdviceTest.class.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
    }

    private static long count(String key, int slot) {
        int id = MethodTable.find(key);
        long sum = 0;
        StatePool.refill(); // registers a state this thread took from the pool (filled by another test)
        for (ThreadState s : ThreadState.registered()) {
            if (s.owner() == Thread.currentThread()) {
                sum += s.count(2 * id + slot);
            }
        }
        return sum;
    }

    @Test
    void countsCallsRecursionExceptionsAndConstructorsWithoutChangingResults() throws Exception {
        Class<?> c = instrumented();
        String name = c.getName();
        Method twice = c.getMethod("twice", int.class);
        Method fails = c.getMethod("fails", int.class);
        Method depth = c.getMethod("depth", int.class);
        Object target = c.getConstructor().newInstance();
        for (int i = 0; i < 1000; i++) {
            assertEquals(2 * i, twice.invoke(null, i));
        }
        assertEquals(5, depth.invoke(null, 5));
        for (int i = 0; i < 3; i++) {
            int v = i;
            var e = assertThrows(java.lang.reflect.InvocationTargetException.class, () -> fails.invoke(target, v));
            assertEquals("bad " + i, e.getCause().getMessage(), "the method's own exception passes through");
        }
        assertEquals(1000, count(name + "#twice(I)I", 0));
        assertEquals(6, count(name + "#depth(I)I", 0));
        assertEquals(3, count(name + "#fails(I)I", 0));
        assertEquals(3, count(name + "#fails(I)I", 1));
        assertEquals(0, count(name + "#twice(I)I", 1));
        assertEquals(1, count(name + "#<init>()V", 0));
    }
}
