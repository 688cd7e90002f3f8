package org.neighborshare.request.api;

import java.util.Map;
import org.neighborshare.request.service.TransparencyReport;

/**
 * The transparency report as CSV: one figure a row, {@code section,name,detail,value}, in the JSON's order. Text that
 * a spreadsheet would run as a formula (a reason starting with {@code =}, {@code +}, {@code -}, {@code @}) is
 * prefixed with an apostrophe; every field is quoted.
 */
final class TransparencyCsv {

    private final StringBuilder out = new StringBuilder("section,name,detail,value\r\n");

    private TransparencyCsv() {}

    static String of(TransparencyReport.Report r) {
        TransparencyCsv csv = new TransparencyCsv();
        csv.row("report", "generatedAt", "", r.generatedAt());
        csv.row("period", "from", "", r.period().from());
        csv.row("period", "to", "", r.period().to());
        csv.row("period", "ownerFiguresFrom", "", r.period().ownerFiguresFrom());
        csv.row("period", "ownerFiguresTo", "", r.period().ownerFiguresTo());
        csv.row("logs", "unavailable", "", r.logsUnavailable());
        if (r.logs() != null) {
            for (TransparencyReport.LogAt log : r.logs()) {
                csv.row("log", log.log(), "size", log.size());
                csv.row("log", log.log(), "rootHash", log.rootHash());
                csv.row("log", log.log(), "checkpoint", log.checkpoint());
            }
        }
        TransparencyReport.Agencies a = r.agencies();
        if (a != null) {
            csv.map("agencies.enrolledByType", a.enrolledByType());
            csv.map("agencies.byState", a.byState());
            a.byTypeAndState()
                    .forEach((type, states) ->
                            states.forEach((state, n) -> csv.row("agencies.byTypeAndState", type, state, n)));
            csv.row("agencies", "approved", "", a.approved());
            csv.row("agencies", "rejected", "", a.rejected());
            a.suspensions()
                    .forEach(d -> csv.row("agencies.suspension", d.agency(), d.at() + " " + d.reason(), d.entry()));
            a.revocations()
                    .forEach(d -> csv.row("agencies.revocation", d.agency(), d.at() + " " + d.reason(), d.entry()));
        }
        csv.map("requests.byIncidentType", r.requests().byIncidentType());
        csv.map("requests.byState", r.requests().byState());
        csv.tally("regular", r.regular());
        csv.tally("emergency", r.emergency());
        TransparencyReport.Footage f = r.footage();
        csv.row("footage", "clipsShared", "", f.clipsShared());
        csv.row("footage", "clipsDownloaded", "", f.clipsDownloaded());
        csv.row("footage", "clipsDeletedAtRetention", "", f.clipsDeletedAtRetention());
        csv.row("footage", "requestsAskedOfOwners", "", f.requestsAskedOfOwners());
        csv.row("footage", "shared", "", f.shared());
        csv.row("footage", "declined", "", f.declined());
        csv.row("footage", "shareRate", "", f.shareRate());
        csv.row("footage", "declineRate", "", f.declineRate());
        csv.row("promises", "downloadsNotBackedByAValidShare", "", r.downloadsNotBackedByAValidShare());
        if (r.brokenPromises() != null) {
            r.brokenPromises().forEach(p -> csv.row("promises", "broken", p, ""));
        }
        return csv.out.toString();
    }

    private void tally(String section, TransparencyReport.Tally t) {
        row(section, "submitted", "", t.submitted());
        row(section, "published", "", t.published());
        row(section, "rejected", "", t.rejected());
        row(section, "pending", "", t.pending());
        row(section, "medianSecondsToDecision", "", t.medianSecondsToDecision());
        row(section, "maxSecondsToDecision", "", t.maxSecondsToDecision());
    }

    private void map(String section, Map<String, Long> values) {
        values.forEach((k, v) -> row(section, k, "", v));
    }

    private void row(String section, String name, String detail, Object value) {
        out.append(field(section))
                .append(',')
                .append(field(name))
                .append(',')
                .append(field(detail))
                .append(',')
                .append(field(value == null ? "" : value.toString()))
                .append("\r\n");
    }

    static String field(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
