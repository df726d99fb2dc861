package dev.oxidizer.autoport;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An unchecked exception class of the application or a library (not the JDK's) that a translated method throws: the
 * port cannot make the Java object, so it reports the constructor and its arguments and the wrapper constructs it
 * ({@code new X(args)}) and throws it. Site {@code index} of a port is one (class, constructor) pair.
 *
 * <p>The protocol (docs/generator.md, "Application exceptions"): {@code PortError::Java(JavaException::Application,
 * message)}, status 27, whose message is fields separated by U+0001: the site index, the class chain (internal names
 * from the class up to {@code java/lang/Throwable}, comma-separated, which {@code jrt::catches} reads), then one field
 * per constructor argument: integers in decimal, {@code float}/{@code double} as the decimal of their raw bits, a
 * String as 4 hexadecimal digits per UTF-16 code unit. An argument of an object type other than String (a library's
 * {@code Localizable pattern}, an {@code Object} value) is one tagged value: {@code E:} and a public enum constant's
 * binary class name, a dot and its name; {@code T:} and a String's hexadecimal units; {@code I J S B C Z:} and a boxed
 * integer's decimal; {@code F D:} and a boxed float's or double's raw bits in decimal. An {@code Object[]} argument is
 * its elements' tagged values separated by U+0002. The translator accepts only values it can tell at the site: enum
 * constants, {@code valueOf} boxes, Strings, and an {@code Object[]} filled in place with constant indexes.
 *
 * @param index       the site's number in its port
 * @param className   binary name ({@code com.acme.BadInput})
 * @param descriptor  the constructor's descriptor
 * @param chain       internal names, the class first, up to {@code java/lang/Throwable}
 */
public record ApplicationException(int index, String className, String descriptor, List<String> chain) {
    public ApplicationException {
        chain = List.copyOf(chain);
    }

    /** Thrown with the reason the wrapper could not construct and throw the exception. */
    static final class Unsupported extends Exception {
        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The constructor's parameter types. */
    public Type[] parameters() {
        return Type.getArgumentTypes(descriptor);
    }

    /**
     * The class chain of {@code internalName} when the wrapper can construct and throw it: a public top-level class
     * extending {@link RuntimeException}, with a public constructor {@code descriptor} of primitives and Strings.
     *
     * @throws Unsupported the reason it cannot
     */
    static List<String> check(ClassSource classes, String internalName, String descriptor) throws Unsupported {
        if (internalName.contains("$")) {
            throw new Unsupported("a nested exception class cannot be named by the wrapper");
        }
        for (Type p : Type.getArgumentTypes(descriptor)) {
            if (p.getSort() == Type.ARRAY && !p.getDescriptor().equals("[Ljava/lang/Object;")) {
                throw new Unsupported("an application exception constructed from a " + p.getClassName()
                        + " (only primitives, Strings, objects the translator can name and Object[] of them cross to the wrapper)");
            }
        }
        List<String> chain = new ArrayList<>();
        String c = internalName;
        boolean first = true;
        while (!c.startsWith("java/")) {
            byte[] bytes = classes.read(c);
            if (bytes == null) {
                throw new Unsupported("the class file of " + c.replace('/', '.') + " is not on the class path");
            }
            ClassNode cn = new ClassNode();
            new org.objectweb.asm.ClassReader(bytes).accept(cn, org.objectweb.asm.ClassReader.SKIP_CODE);
            if (first) {
                if ((cn.access & Opcodes.ACC_PUBLIC) == 0 || (cn.access & Opcodes.ACC_ABSTRACT) != 0) {
                    throw new Unsupported("the exception class is not public (the wrapper constructs it)");
                }
                boolean ctor = false;
                for (MethodNode m : cn.methods) {
                    ctor |= m.name.equals("<init>") && m.desc.equals(descriptor) && (m.access & Opcodes.ACC_PUBLIC) != 0;
                }
                if (!ctor) {
                    throw new Unsupported("the exception's constructor is not public (the wrapper constructs it)");
                }
                first = false;
            }
            chain.add(c);
            if (cn.superName == null) {
                throw new Unsupported("objects are outside the subset (" + internalName.replace('/', '.') + " is not an exception)");
            }
            c = cn.superName;
        }
        try {
            for (Class<?> k = Class.forName(c.replace('/', '.'), false, ClassLoader.getPlatformClassLoader()); k != null && k != Object.class;
                 k = k.getSuperclass()) {
                chain.add(k.getName().replace('.', '/'));
            }
        } catch (ClassNotFoundException e) {
            throw new Unsupported("its superclass " + c.replace('/', '.') + " is not a JDK class");
        }
        if (!chain.contains("java/lang/RuntimeException")) {
            throw new Unsupported(chain.contains("java/lang/Throwable")
                    ? "a checked exception or an Error (only unchecked exceptions, subclasses of RuntimeException, are thrown by the wrapper)"
                    : "objects are outside the subset (" + internalName.replace('/', '.') + " is not an exception)");
        }
        return chain;
    }
}
