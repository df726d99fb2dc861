package dev.oxidizer.cli;

import dev.oxidizer.analyzer.Signatures;
import dev.oxidizer.analyzer.StubCallSites;
import dev.oxidizer.demo.DemoApp;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.stubgen.ClassFileMethodReader;
import dev.oxidizer.stubgen.ClassPathReader;
import dev.oxidizer.stubgen.GeneratorException;
import dev.oxidizer.stubgen.GeneratorOptions;
import dev.oxidizer.stubgen.MethodSpec;
import dev.oxidizer.stubgen.PortPlan;
import dev.oxidizer.stubgen.PortPlanner;
import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.reflect.AccessFlag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's proposed Rust signature is the generator's, byte for byte, and the two agree on which methods can be
 * ported at all: checked on every public static method of the demo application and of a real library (commons-codec),
 * the analyzer reading the class files the way it reads a recording's class path, the generator the way
 * {@code oxidizer generate --method} does. The ports' crate, symbol and class names are unique over the whole jar.
 */
class ProposedSignatureTest {
    @ParameterizedTest
    @ValueSource(strings = {"demo-app", "commons-codec"})
    void reportAndGeneratorProposeTheSameRustSignatureForEveryPublicStaticMethod(String which) throws Exception {
        Class<?> anchor = which.equals("demo-app") ? DemoApp.class : Hex.class;
        Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassFileMethodReader generator = new ClassFileMethodReader(new ClassPathReader(jar.toString()));
        List<String> mismatches = new ArrayList<>();
        Map<String, String> crates = new HashMap<>();
        Map<String, String> symbols = new HashMap<>();
        Map<String, String> classes = new HashMap<>();
        int checked = 0;
        int portable = 0;
        try (JarFile jf = new JarFile(jar.toFile());
             StubCallSites analyzer = new StubCallSites(List.<String[]>of(new String[] {jar.toString(), null}))) {
            for (JarEntry e : jf.stream().toList()) {
                if (!e.getName().endsWith(".class") || e.getName().endsWith("module-info.class")) {
                    continue;
                }
                ClassModel cm = ClassFile.of().parse(jf.getInputStream(e).readAllBytes());
                String className = cm.thisClass().asInternalName().replace('/', '.');
                for (MethodModel mm : cm.methods()) {
                    if (!mm.flags().has(AccessFlag.PUBLIC) || !mm.flags().has(AccessFlag.STATIC)
                            || mm.flags().has(AccessFlag.SYNTHETIC) || mm.flags().has(AccessFlag.BRIDGE)
                            || mm.methodName().stringValue().startsWith("<")) {
                        continue;
                    }
                    String name = mm.methodName().stringValue();
                    String desc = mm.methodType().stringValue();
                    String key = className + "#" + name + desc;
                    checked++;
                    MethodReport.Portability proposed = Signatures.portability(name, desc, true, false,
                            analyzer.parameterFacts(className, name, desc));
                    PortPlan plan = null;
                    String refusal = null;
                    try {
                        MethodSpec spec = generator.read(key);
                        plan = PortPlanner.plan(spec, GeneratorOptions.defaults());
                    } catch (GeneratorException ex) {
                        refusal = String.join("; ", ex.problems());
                    }
                    if (proposed.portable() != (plan != null)) {
                        mismatches.add(key + ": report says " + (proposed.portable() ? "portable" : "not portable")
                                + ", generator " + (plan != null ? "plans it" : "refuses: " + refusal));
                        continue;
                    }
                    if (plan == null) {
                        continue;
                    }
                    portable++;
                    if (!proposed.rustSignature().equals(plan.rustSignature())) {
                        mismatches.add(key + ": report " + proposed.rustSignature() + " but generator " + plan.rustSignature());
                    }
                    unique(crates, plan.crateName(), key, "crate", mismatches);
                    unique(symbols, plan.symbol(), key, "symbol", mismatches);
                    unique(classes, plan.javaPackage() + "." + plan.javaClass(), key, "class", mismatches);
                }
            }
        }
        assertEquals(List.of(), mismatches, mismatches.size() + " of " + checked + " methods disagree");
        System.out.printf("%s: %d public static methods, %d portable; report and generator agree on all%n", jar.getFileName(),
                checked, portable);
        // a jar that yielded nothing would make this test pass vacuously
        assertTrue(portable >= (which.equals("demo-app") ? 3 : 40), portable + " portable of " + checked + " checked in " + jar);
    }

    private static void unique(Map<String, String> seen, String name, String key, String what, List<String> problems) {
        String before = seen.putIfAbsent(name, key);
        if (before != null) {
            problems.add(what + " name " + name + " of " + key + " is also the " + what + " name of " + before);
        }
    }
}
