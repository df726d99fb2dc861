package dev.oxidizer.analyzer;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the agent's {@code oxidizer.ArgumentLengths} events (layout v1, docs/formats/agent-events.md) from recordings:
 * for each method and array or String parameter, the sampled lengths. The events are cumulative per JVM, so the last
 * one per method and parameter of each file counts; the files' samples are pooled. A small reader of its own, beside
 * the analyzer's aggregation, because only the generator uses these figures.
 */
public final class ArgumentLengthsReader {
    private ArgumentLengthsReader() {}

    /**
     * Lengths by method key, then by 0-based declared parameter index, each list sorted.
     *
     * @throws IOException naming the file that could not be read
     */
    public static Map<String, Map<Integer, List<Integer>>> read(List<Path> recordings) throws IOException {
        Map<String, Map<Integer, List<Integer>>> out = new TreeMap<>();
        for (Path file : recordings) {
            Map<String, String> last = new HashMap<>();
            try (RecordingFile r = new RecordingFile(file)) {
                while (r.hasMoreEvents()) {
                    RecordedEvent e = r.readEvent();
                    if (!e.getEventType().getName().equals("oxidizer.ArgumentLengths")) {
                        continue;
                    }
                    String key = e.getString("className") + "#" + e.getString("methodName") + e.getString("descriptor");
                    last.put(key + "\t" + e.getInt("parameter"), e.getString("lengths"));
                }
            } catch (IOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            for (var entry : last.entrySet()) {
                String[] k = entry.getKey().split("\t");
                List<Integer> lengths = out.computeIfAbsent(k[0], x -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(k[1]) - 1, x -> new ArrayList<>());
                String text = entry.getValue();
                if (text != null && !text.isBlank()) {
                    for (String s : text.split(",")) {
                        lengths.add(Integer.parseInt(s.strip()));
                    }
                }
                Collections.sort(lengths);
            }
        }
        return out;
    }
}
