/**
 * The Oxidizer report model: the one boundary between the analyzer and every output (terminal table,
 * HTML report, Rust stub generator, verify results).
 *
 * <p>The model is written as JSON by {@link dev.oxidizer.model.ReportJson}; its layout is versioned by
 * {@link dev.oxidizer.model.Report#SCHEMA} and {@link dev.oxidizer.model.Report#SCHEMA_VERSION}, and
 * documented field by field in {@code docs/formats/report-json.md}. Readers refuse a newer major version
 * with a message naming both versions. All records are immutable; lists are never null (empty instead);
 * numbers that could not be measured are {@code null}, never zero, so an absent figure is never mistaken
 * for a measured one.
 */
package dev.oxidizer.model;
