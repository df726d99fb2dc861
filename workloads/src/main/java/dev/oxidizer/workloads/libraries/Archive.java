package dev.oxidizer.workloads.libraries;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Archiving through Apache Commons Compress. */
public final class Archive {
    private Archive() {}

    /**
     * BZip2-compresses a 6 KB block with commons-compress (block sort and Huffman coding: milliseconds of CPU, nearly
     * all inside org.apache.commons.compress), on 1 % of requests. Label: library (a port reimplements BZip2; ranks below own code).
     */
    public static long compress(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length);
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bytes, 1)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }
}
