package dev.oxidizer.stubgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated folder can be moved, committed or built on another machine: no file (wrapper, tests, manifest, crate)
 * holds the absolute path of the folder it was generated into, even when the caller passes it
 * ({@code withCrateDirForJava}, as the ITs do); the wrapper finds its library on the class path or by system property.
 */
class NoAbsolutePathTest {
    @TempDir
    Path dir;

    @Test
    void noGeneratedFileNamesTheFolderItWasWrittenTo() throws Exception {
        Path out = dir.resolve("ports").resolve("kernels-mix");
        String abs = out.toAbsolutePath().toString();
        for (String selector : List.of("mix", "cumsum", "greet")) {
            GeneratedFiles g = StubGenerator.generate(Fixtures.kernel(selector),
                    GeneratorOptions.defaults().withCrateDirForJava(abs));
            List<String> holding = g.files().entrySet().stream()
                    .filter(e -> e.getValue().contains(abs) || e.getValue().contains(dir.toAbsolutePath().toString()))
                    .map(Map.Entry::getKey).toList();
            assertEquals(List.of(), holding, selector + ": files holding the absolute output path");
        }
    }
}
