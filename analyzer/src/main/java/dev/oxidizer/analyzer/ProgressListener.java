package dev.oxidizer.analyzer;

/** Receives progress of a long analysis; called on the analysing thread after each JFR chunk. */
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
