package example.app;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;

import static net.bytebuddy.matcher.ElementMatchers.named;

/** A program that ships and uses its own (unshaded) Byte Buddy, next to the agent's relocated copy. */
public class OwnByteBuddyApp {
    static String greet(int i) {
        return "hello " + i;
    }

    public static void main(String[] args) throws Exception {
        Class<?> made = new ByteBuddy().subclass(Object.class).name("example.app.Generated")
                .method(named("toString")).intercept(FixedValue.value("made by the app's Byte Buddy"))
                .make().load(OwnByteBuddyApp.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        System.out.println(made.getDeclaredConstructor().newInstance());
        int length = 0;
        for (int i = 0; i < 1000; i++) {
            length += greet(i).length();
        }
        System.out.println("length=" + length);
    }
}
