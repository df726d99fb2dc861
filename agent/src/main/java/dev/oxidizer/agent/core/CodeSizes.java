package dev.oxidizer.agent.core;

import net.bytebuddy.jar.asm.ClassReader;

import java.util.HashMap;
import java.util.Map;

/**
 * The bytecode size ({@code code_length} of the {@code Code} attribute) of each method of a class file, by name +
 * descriptor: what HotSpot compares with {@code HugeMethodLimit} and the inlining sizes. Read from the class file's
 * structure directly (JVMS 4.7.3), since ASM's visitors do not expose it.
 */
final class CodeSizes {
    private CodeSizes() {}

    /** name + descriptor to code length; methods without code (abstract, native) are absent. Throws on a bad file. */
    static Map<String, Integer> of(byte[] classFile) {
        ClassReader r = new ClassReader(classFile);
        char[] buf = new char[r.getMaxStringLength()];
        int p = r.header + 6; // access_flags, this_class, super_class
        p += 2 + 2 * r.readUnsignedShort(p); // interfaces
        int fields = r.readUnsignedShort(p);
        p += 2;
        for (int i = 0; i < fields; i++) {
            p = skipMember(r, p);
        }
        int methods = r.readUnsignedShort(p);
        p += 2;
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 0; i < methods; i++) {
            String name = r.readUTF8(p + 2, buf);
            String desc = r.readUTF8(p + 4, buf);
            int attributes = r.readUnsignedShort(p + 6);
            int a = p + 8;
            for (int k = 0; k < attributes; k++) {
                int length = r.readInt(a + 2);
                if ("Code".equals(r.readUTF8(a, buf))) {
                    sizes.put(name + desc, r.readInt(a + 6 + 4)); // max_stack u2, max_locals u2, code_length u4
                }
                a += 6 + length;
            }
            p = a;
        }
        return sizes;
    }

    private static int skipMember(ClassReader r, int p) {
        int attributes = r.readUnsignedShort(p + 6);
        int a = p + 8;
        for (int k = 0; k < attributes; k++) {
            a += 6 + r.readInt(a + 2);
        }
        return a;
    }
}
