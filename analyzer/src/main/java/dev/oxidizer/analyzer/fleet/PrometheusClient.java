package dev.oxidizer.analyzer.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal client of Prometheus's HTTP API: instant queries ({@code POST /api/v1/query}, form-encoded, so that
 * long PromQL fits) returning an instant vector. Errors are one line each: a query the server rejects
 * ({@code bad_data}) is {@link FleetException.Kind#BAD_OPTION} with the server's reason; a server that cannot be
 * reached, times out, or does not answer as Prometheus is {@link FleetException.Kind#UNREACHABLE}.
 *
 * <p>Threading: one instance may be used by one thread at a time.
 */
public final class PrometheusClient {
    /** One element of an instant vector: its labels (sorted) and value. */
    public record Sample(Map<String, String> labels, double value) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private int queries;

    public PrometheusClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Checks a base URL: {@code http} or {@code https}, a host, no query or fragment. A path is kept (a server
     * behind a prefix such as {@code http://host/prometheus}).
     */
    public static URI parseUrl(String text) throws FleetException {
        String why;
        try {
            URI u = new URI(text == null ? "" : text.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                why = "the scheme must be http or https";
            } else if (u.getHost() == null) {
                why = "it names no host";
            } else if (u.getRawQuery() != null || u.getRawFragment() != null) {
                why = "it must not have a query or fragment";
            } else {
                String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
                return new URI(scheme, u.getRawUserInfo(), u.getHost(), u.getPort(), path, null, null);
            }
        } catch (URISyntaxException e) {
            why = e.getReason();
        }
        throw new FleetException(FleetException.Kind.BAD_OPTION, "--prometheus '" + text + "' is not a server URL (" + why
                + "); accepted: the base URL of a Prometheus server such as http://localhost:9090");
    }

    public URI base() {
        return base;
    }

    /** Queries sent so far. */
    public int queries() {
        return queries;
    }

    /** Evaluates {@code promql} at {@code time}; the result must be an instant vector (or a scalar, as one sample). */
    public List<Sample> query(String promql, Instant time) throws FleetException {
        String body = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time="
                + String.format(Locale.ROOT, "%.3f", time.toEpochMilli() / 1000.0);
        URI uri = URI.create(base + "/api/v1/query");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        queries++;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw unreachable("cannot connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")");
        } catch (HttpTimeoutException e) {
            throw unreachable("no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw unreachable("the request failed (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("interrupted");
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.has("status")) {
            throw unreachable("it answered HTTP " + response.statusCode() + " without the JSON of Prometheus's API at " + uri);
        }
        if (!"success".equals(root.path("status").asText())) {
            String type = root.path("errorType").asText("");
            String error = root.path("error").asText("");
            if (type.equals("bad_data")) {
                throw new FleetException(FleetException.Kind.BAD_OPTION, "Prometheus at " + base + " rejected the query built "
                        + "from --selector and --range (" + error + "); accepted: a selector such as {job=\"orders\"} and a "
                        + "range such as 7d");
            }
            throw unreachable("it answered " + type + " (" + error + ") to " + promql);
        }
        JsonNode data = root.path("data");
        String resultType = data.path("resultType").asText();
        List<Sample> out = new ArrayList<>();
        if (resultType.equals("scalar")) {
            out.add(new Sample(Map.of(), value(data.path("result"))));
            return out;
        }
        if (!resultType.equals("vector")) {
            throw unreachable("it answered a " + resultType + " where an instant vector was expected");
        }
        for (JsonNode r : data.path("result")) {
            Map<String, String> labels = new TreeMap<>();
            r.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(new Sample(labels, value(r.path("value"))));
        }
        return out;
    }

    private static double value(JsonNode pair) {
        String v = pair.path(1).asText("NaN");
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    private FleetException unreachable(String what) {
        return new FleetException(FleetException.Kind.UNREACHABLE, "Prometheus at " + base + ": " + what
                + "; expected the base URL of a running Prometheus server (its HTTP API answers at /api/v1/query)");
    }
}
