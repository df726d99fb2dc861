package example.app;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * A program that ships and uses its own (unshaded) Byte Buddy, next to the agent's relocated copy, and defines a
 * class at run time whose InnerClasses attribute names a class that exists nowhere (as JRuby's generated classes
 * name inner classes it defines later, from memory): the agent must instrument it all the same.
 */
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
        Class<?> withInner = new ByteBuddy().subclass(Object.class).name("example.app.GeneratedOuter")
                .visit(new NamesAnInnerClassOnlyInMemory())
                .defineMethod("work", int.class, Visibility.PUBLIC).withParameters(int.class)
                .intercept(FixedValue.value(7))
                .make().load(OwnByteBuddyApp.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        Object outer = withInner.getDeclaredConstructor().newInstance();
        java.lang.reflect.Method work = withInner.getMethod("work", int.class);
        long sum = 0;
        for (int i = 0; i < 500; i++) {
            sum += (Integer) work.invoke(outer, i);
        }
        System.out.println("generated work sum=" + sum);
        int length = 0;
        for (int i = 0; i < 1000; i++) {
            length += greet(i).length();
        }
        System.out.println("length=" + length);
    }

    /** Adds an InnerClasses entry for {@code GeneratedOuter$OnlyInMemory}, a class that is never defined. */
    private static final class NamesAnInnerClassOnlyInMemory extends AsmVisitorWrapper.AbstractBase {
        @Override
        public ClassVisitor wrap(TypeDescription type, ClassVisitor cv, Implementation.Context context,
                                 TypePool pool, FieldList<FieldDescription.InDefinedShape> fields,
                                 MethodList<?> methods, int writerFlags, int readerFlags) {
            return new ClassVisitor(Opcodes.ASM9, cv) {
                @Override
                public void visitEnd() {
                    visitInnerClass("example/app/GeneratedOuter$OnlyInMemory", "example/app/GeneratedOuter",
                            "OnlyInMemory", Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC);
                    super.visitEnd();
                }
            };
        }
    }
}
