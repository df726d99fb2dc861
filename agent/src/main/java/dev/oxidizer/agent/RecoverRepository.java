package dev.oxidizer.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rebuilds a readable recording from the JFR disk repository of a JVM that was killed ({@code kill -9}, crash):
 * <pre>java -cp oxidizer-agent.jar dev.oxidizer.agent.RecoverRepository REPOSITORY_DIR OUT.jfr</pre>
 * The repository's chunk files are concatenated in name (= time) order, as {@code jfr assemble} does. The
 * chunk that was being written when the JVM died is still marked "in progress" in its header (the byte at
 * offset 64), which makes JFR readers wait for it forever ("stuck in locked stream state"); its copy is cut
 * at the size the header recorded at the last JFR flush and marked finished. Nothing in the repository is
 * changed. Exit codes: 0 written, 2 bad arguments, 4 nothing recoverable, 5 I/O error.
 */
public final class RecoverRepository {
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};
    private static final int HEADER_SIZE = 68;
    private static final int FILE_STATE_POSITION = 64;

    private RecoverRepository() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp oxidizer-agent.jar dev.oxidizer.agent.RecoverRepository REPOSITORY_DIR OUT.jfr");
            System.exit(2);
        }
        try {
            int chunks = recover(Path.of(args[0]), Path.of(args[1]));
            System.out.println("recovered " + chunks + " chunk(s) into " + args[1]);
        } catch (IllegalArgumentException e) {
            System.err.println("recover: " + e.getMessage());
            System.exit(4);
        } catch (IOException e) {
            System.err.println("recover: " + e);
            System.exit(5);
        }
    }

    /** Writes the recoverable chunks of {@code repository} to {@code out}; returns how many. */
    public static int recover(Path repository, Path out) throws IOException {
        if (!Files.isDirectory(repository)) {
            throw new IllegalArgumentException(repository + " is not a directory; accepted: a JFR repository such as /tmp/2026_01_31_12_00_00_1234");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(repository)) {
            files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".jfr")).sorted().toList());
        }
        int written = 0;
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            for (Path f : files) {
                byte[] chunk = readChunk(f);
                if (chunk != null) {
                    os.write(chunk);
                    written++;
                }
            }
        }
        if (written == 0) {
            Files.deleteIfExists(tmp);
            throw new IllegalArgumentException("no readable chunk in " + repository);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return written;
    }

    private static byte[] readChunk(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            if (fileSize < HEADER_SIZE) {
                return null;
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
            ch.read(header, 0);
            header.flip();
            for (byte b : MAGIC) {
                if (header.get() != b) {
                    return null;
                }
            }
            long chunkSize = header.getLong(8);
            if (chunkSize < HEADER_SIZE || chunkSize > fileSize || chunkSize > Integer.MAX_VALUE) {
                return null; // the header was never completed: nothing was flushed in this chunk
            }
            ByteBuffer data = ByteBuffer.allocate((int) chunkSize);
            while (data.hasRemaining() && ch.read(data, data.position()) > 0) {
                // read the whole chunk
            }
            byte[] bytes = data.array();
            bytes[FILE_STATE_POSITION] = 0; // finished
            return bytes;
        }
    }
}
