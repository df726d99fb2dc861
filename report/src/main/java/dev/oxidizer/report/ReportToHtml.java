package dev.oxidizer.report;

import dev.oxidizer.model.AtomicFiles;
import dev.oxidizer.model.Report;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders a {@link Report} as one self-contained HTML page: styles, script, charts (inline SVG) and the
 * model itself (as JSON data) are all inside the file, so it opens from disk with no network. A
 * Content-Security-Policy in the page forbids every fetch and every script but its own (by hash).
 *
 * <p>Templates are Freemarker {@code .ftlh} files with the HTML output format, so every interpolated value
 * is escaped; they are the {@code report-templates} folder of the source tree, packaged in this jar.
 *
 * <p>Thread-safe: the template configuration is shared and immutable after class initialisation.
 *
 * <p>Errors: {@link IOException} from the writer or the file system; {@link IllegalStateException} when
 * the templates themselves are broken (a bug, never a property of the report).
 */
public final class ReportToHtml {
    private static final String TEMPLATE_ROOT = "/dev/oxidizer/report/templates";
    private static final Configuration FREEMARKER = configuration();
    private static final String SCRIPT = resource("report.js");
    private static final String CSS = resource("report.css");
    private static final String SCRIPT_HASH = "sha256-" + sha256(SCRIPT);

    private ReportToHtml() {}

    /**
     * Renders {@code report}; the {@code oxidizer generate} commands in the page name the report file as
     * {@value PageBuilder#REPORT_PLACEHOLDER}, with a note to replace it.
     */
    public static void render(Report report, Writer out) throws IOException {
        render(report, null, out);
    }

    /**
     * Renders {@code report}; the {@code oxidizer generate} commands in the page name {@code reportJson}
     * (the JSON file the report was read from), or a placeholder when it is null.
     */
    public static void render(Report report, Path reportJson, Writer out) throws IOException {
        PageView page = new PageBuilder(report, reportJson == null ? null : reportJson.toString())
                .build(SCRIPT, SCRIPT_HASH, CSS);
        try {
            Template t = FREEMARKER.getTemplate("report.ftlh");
            t.process(Map.of("page", page), out);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template failed: " + e.getMessageWithoutStackTop(), e);
        }
        out.flush();
    }

    /** Renders to a string (tests, and callers that embed the page). */
    public static String renderToString(Report report, Path reportJson) {
        StringWriter w = new StringWriter();
        try {
            render(report, reportJson, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes the page to {@code html}; see {@link #write(Report, Path, Path)}. */
    public static void write(Report report, Path html) throws IOException {
        write(report, null, html);
    }

    /**
     * Writes the page to {@code html} atomically: renders fully in memory, writes a temporary file in the
     * same folder, then renames it over {@code html}. On any failure {@code html} is untouched and the
     * temporary file is removed; nothing is written anywhere else. The parent folder must exist.
     *
     * @param reportJson the JSON report's path as commands in the page should name it, may be null
     */
    public static void write(Report report, Path reportJson, Path html) throws IOException {
        Path target = html.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("folder " + dir + " does not exist");
        }
        AtomicFiles.write(target, renderToString(report, reportJson));
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(ReportToHtml.class, TEMPLATE_ROOT);
        c.setDefaultEncoding("UTF-8");
        c.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setRecognizeStandardFileExtensions(true);
        c.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setAPIBuiltinEnabled(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        // Templates read record components as properties (page.summary). Freemarker finds records through a
        // multi-release class that a shaded jar without "Multi-Release: true" hides, so do not rely on it:
        // expose every zero-argument method as a property, which is what a record accessor is.
        ZeroArgumentNonVoidMethodPolicy asProperty = ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD;
        wrapper.setDefaultZeroArgumentNonVoidMethodPolicy(asProperty);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(asProperty);
        c.setObjectWrapper(wrapper.build());
        return c;
    }

    private static String resource(String name) {
        try (InputStream in = ReportToHtml.class.getResourceAsStream(TEMPLATE_ROOT + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
