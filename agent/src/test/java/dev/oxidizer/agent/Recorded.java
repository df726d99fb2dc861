package dev.oxidizer.agent;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** Reads what the agent wrote: the {@code oxidizer.*} events of a JFR file, summed per method key. */
final class Recorded {
    final List<RecordedEvent> events;

    private Recorded(List<RecordedEvent> events) {
        this.events = events;
    }

    static Recorded read(Path file) throws IOException {
        return new Recorded(RecordingFile.readAllEvents(file));
    }

    List<RecordedEvent> named(String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    /** Sum of a MethodProfile field per method key {@code class#name(descriptor)}. */
    Map<String, Long> sum(ToLongFunction<RecordedEvent> field) {
        Map<String, Long> sums = new TreeMap<>();
        for (RecordedEvent e : named("oxidizer.MethodProfile")) {
            String key = e.getString("className") + "#" + e.getString("methodName") + e.getString("descriptor");
            sums.merge(key, field.applyAsLong(e), Long::sum);
        }
        return sums;
    }

    Map<String, Long> invocations() {
        return sum(e -> e.getLong("invocations"));
    }

    /** Decodes the histogram field of a MethodProfile event. */
    static Histogram histogram(RecordedEvent e) throws java.util.zip.DataFormatException {
        String b64 = e.getString("histogram");
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(b64)), 0);
    }
}
