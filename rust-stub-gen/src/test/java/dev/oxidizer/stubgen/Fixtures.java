package dev.oxidizer.stubgen;

import dev.oxidizer.stubgen.fixture.Kernels;

import java.nio.file.Path;

/** Test support: reads methods of {@link Kernels} from the compiled test classes. */
final class Fixtures {
    private Fixtures() {}

    static Path classes() {
        try {
            return Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static MethodSpec kernel(String selector) throws GeneratorException {
        return new ClassFileMethodReader(new ClassPathReader(classes().toString())).read(Kernels.class.getName() + "#" + selector);
    }
}
