package dev.oxidizer.stubgen;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Snapshot tests: the generator's whole output for a few families equals the golden files under
 * {@code src/test/resources/golden/<case>/}. After an intended change, regenerate them with
 * {@code ./maven -pl rust-stub-gen test -Dtest=GoldenFilesTest -Doxidizer.golden.update=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "mix-critical, mix, critical",
            "cumsum-arena, cumsum, arena",
            "score-critical, score, critical",
            "greet-arena, greet, arena",
            "invert-critical, invert, critical"})
    void outputMatchesTheGoldenFiles(String name, String selector, String memory) throws Exception {
        GeneratedFiles g = StubGenerator.generate(Fixtures.kernel(selector),
                GeneratorOptions.defaults().withMemory(MemoryMode.valueOf(memory.toUpperCase(java.util.Locale.ROOT))));
        Path dir = GOLDEN.resolve(name);
        if (Boolean.getBoolean("oxidizer.golden.update")) {
            for (Map.Entry<String, String> e : g.files().entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
        }
        List<String> expectedPaths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> expectedPaths.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(expectedPaths.stream().sorted().toList(), g.files().keySet().stream().sorted().toList(), "generated file set");
        for (Map.Entry<String, String> e : g.files().entrySet()) {
            assertEquals(Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8), e.getValue(), e.getKey());
        }
    }
}
