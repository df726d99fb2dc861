package dev.oxidizer.stubgen.corpus;

/** A message pattern of {@link CorpusMathException}, as commons-math3's {@code Localizable}. */
public interface CorpusPattern {
    String template();
}
