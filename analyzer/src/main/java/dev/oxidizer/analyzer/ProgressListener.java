package dev.oxidizer.analyzer;

/**
 * Receives progress of a long analysis, after each JFR chunk. Chunks are read on several threads: calls come from
 * those threads, one at a time (never concurrently), and {@code bytesDone} only grows.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (file, done, total) -> { };

    /**
     * @param file      the file being read, as given
     * @param bytesDone bytes of all input files read so far
     * @param bytesTotal bytes of all input files
     */
    void progress(String file, long bytesDone, long bytesTotal);
}
