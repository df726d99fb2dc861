package dev.oxidizer.verify;

import dev.oxidizer.model.MeasuredVerdicts;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Puts verified port results into a report model, matched by method key, and judges them ({@link MeasuredVerdicts}). */
public final class ReportPorts {
    private ReportPorts() {}

    /**
     * Returns {@code report} with each matching method's {@link MethodReport#port()} replaced.
     *
     * @throws VerifyException (BAD_INPUT) naming a result whose method is not in the report
     */
    public static Report apply(Report report, List<VerifyResult> results) throws VerifyException {
        return apply(report, results, MeasuredVerdicts.DEFAULT_THRESHOLD);
    }

    /**
     * Returns {@code report} with each matching method's port replaced, every port judged against {@code threshold}
     * and the candidates re-ranked ({@link MeasuredVerdicts#apply}).
     */
    public static Report apply(Report report, List<VerifyResult> results, double threshold) throws VerifyException {
        Map<String, VerifyResult> byKey = results.stream()
                .collect(Collectors.toMap(VerifyResult::methodKey, Function.identity(), (a, b) -> b));
        List<String> known = report.methods().stream().map(MethodReport::key).toList();
        for (String key : byKey.keySet()) {
            if (!known.contains(key)) {
                throw new VerifyException(VerifyException.Kind.BAD_INPUT, "the port of " + key
                        + " matches no method of the report; verify ports of methods the report lists");
            }
        }
        List<MethodReport> methods = new ArrayList<>();
        for (MethodReport m : report.methods()) {
            VerifyResult r = byKey.get(m.key());
            methods.add(r == null ? m : m.withPort(r.port()));
        }
        return MeasuredVerdicts.apply(report.withMethods(methods), threshold);
    }
}
