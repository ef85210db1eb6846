package ca.trialpath.report;

import ca.trialpath.trials.TrialCatalogue;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The trial parts of {@code report.html}: a section per open trial with its candidates and near misses,
 * and each person's trials with the criteria still to verify. Kept apart from {@link HtmlReport} so the
 * two change independently; the words come from the report's bundle ({@code trials.*}), NCT ids,
 * criteria and results' codes stay as in {@code trial_matches.csv}.
 */
final class TrialHtml {

    private TrialHtml() {
    }

    /** The section in English. */
    static void writeTrials(Writer out, TrialReport trials) throws IOException {
        writeTrials(out, trials, ReportText.english());
    }

    static void writeTrials(Writer out, TrialReport trials, ReportText text) throws IOException {
        out.write("<section id=\"trials\" aria-labelledby=\"trials-h\">\n<h2 id=\"trials-h\">"
                + esc(text.get("trials.heading")) + "</h2>\n");
        if (!trials.matching()) {
            out.write("<p class=\"empty\">" + esc(text.get("trials.noCatalogue")) + "</p>\n</section>\n");
            return;
        }
        out.write("<p>" + esc(text.get("trials.intro")) + "</p>\n");
        var c = trials.catalogue();
        out.write("<p" + (c.stale() ? " class=\"flags\"" : "") + ">" + esc(c.downloadedAt() == null
                ? text.get("trials.downloadUnknown")
                : text.get("trials.downloaded", c.downloadedAt(), text.number(c.ageDays()), text.number(c.maxAgeDays())))
                + "</p>\n");
        out.write("<table class=\"counts\">\n<caption>" + esc(text.get("trials.counts")) + "</caption>\n<tbody>\n");
        row(out, text.get("trials.studiesRead"), c.entriesRead(), text);
        row(out, text.get("trials.studiesSkipped"), c.skipped().values().stream().mapToLong(Long::longValue).sum(), text);
        for (var skipped : c.skipped().entrySet()) {
            if (skipped.getValue() > 0) {
                row(out, "  " + text.get("trials.skippedBecause", skipped.getKey()), skipped.getValue(), text);
            }
        }
        row(out, text.get("trials.openInCanada"), c.openInCanada(), text);
        row(out, text.get("trials.matchable"), c.matchable(), text);
        row(out, text.get("trials.peopleConsidered"), trials.peopleConsidered(), text);
        row(out, text.get("trials.peopleWithMatch"), trials.peopleWithMatch(), text);
        row(out, text.get("trials.peopleWithNearMissOnly"), trials.peopleWithNearMissOnly(), text);
        out.write("</tbody>\n</table>\n");
        if (!c.warnings().isEmpty()) {
            out.write("<ul class=\"flags\">");
            for (String warning : c.warnings()) {
                out.write("<li>" + esc(warning(warning, text)) + "</li>");
            }
            out.write("</ul>\n");
        }
        if (trials.sections().isEmpty()) {
            out.write("<p class=\"empty\">" + esc(text.get("trials.noOpenTrials")) + "</p>\n");
        }
        for (TrialReport.Section s : trials.sections()) {
            String anchor = "t-" + s.nctId();
            out.write("<article class=\"person\" id=\"" + esc(anchor) + "\" aria-labelledby=\"" + esc(anchor) + "-h\">\n"
                    + "<h3 id=\"" + esc(anchor) + "-h\"><code>" + esc(s.nctId()) + "</code> " + esc(s.briefTitle())
                    + "</h3>\n<p>" + esc(text.get("trials.sectionFacts",
                            s.phases().isEmpty() ? text.get("trials.noPhase") : String.join(", ", s.phases()),
                            s.provinces().isEmpty() ? text.get("trials.noProvince") : String.join(", ", s.provinces()),
                            text.number(s.candidates()), text.number(s.nearMisses()))) + "</p>\n");
            if (s.note() != null) {
                out.write("<p class=\"note\">" + esc(text.get("trials.note", s.note())) + "</p>\n");
            }
            writeStudyRecord(out, s, text);
            CappedList list = new CappedList(out, s.shown().size(),
                    "<table>\n<caption>" + esc(text.get("trials.peopleToScreen", s.nctId())) + "</caption>\n<thead><tr>"
                            + col(text, "trials.col.patientId", "") + col(text, "trials.col.result", "")
                            + col(text, "trials.col.toVerify", "") + col(text, "trials.col.sitesInProvince", "num")
                            + col(text, "trials.col.siteCities", "") + "</tr></thead>\n<tbody>\n",
                    "</tbody>\n</table>\n", text);
            for (TrialReport.Person p : s.shown()) {
                if (list.admit()) {
                    out.write("<tr><th scope=\"row\">" + esc(p.patientId()) + "</th><td>" + result(p.result(),
                            p.failedCriterion(), text) + "</td><td>" + codes(p.toVerify(), text) + "</td><td class=\"num\">"
                            + p.sitesInProvince() + "</td><td>" + esc(String.join(", ", p.siteCities())) + "</td></tr>\n");
                }
            }
            list.finish(s.candidates() + s.nearMisses(), text.get("trials.noPeople"), "trial_matches.csv");
            out.write("</article>\n");
        }
        out.write("</section>\n");
    }

    /**
     * The study's page and last update, then its recruiting Canadian sites: where, their own status and the
     * contact the study publishes, each only where the record gives it (no empty label).
     */
    private static void writeStudyRecord(Writer out, TrialReport.Section s, ReportText text) throws IOException {
        if (s.link() != null || s.lastUpdatePosted() != null) {
            out.write("<p class=\"record\">");
            if (s.link() != null) {
                out.write("<a href=\"" + esc(s.link()) + "\">" + esc(text.get("trials.link")) + "</a>");
            }
            if (s.lastUpdatePosted() != null) {
                out.write((s.link() != null ? " " : "") + esc(text.get("trials.lastUpdate", s.lastUpdatePosted())));
            }
            out.write("</p>\n");
        }
        if (s.sites().isEmpty()) {
            return;
        }
        out.write("<p>" + esc(text.get("trials.sitesHeading")) + "</p>\n<ul class=\"sites\">\n");
        for (TrialCatalogue.SiteRow site : s.sites()) {
            StringBuilder li = new StringBuilder("<li>");
            String place = String.join(", ", java.util.stream.Stream.of(site.city(), site.province())
                    .filter(java.util.Objects::nonNull).toList());
            if (site.facility() != null) {
                li.append(esc(site.facility())).append(place.isEmpty() ? "" : ", ");
            }
            li.append(place.isEmpty() && site.facility() == null ? esc(text.get("trials.siteUnknown")) : esc(place));
            if (site.status() != null) {
                li.append(" (").append(around(text, "trials.siteStatus", "<code>" + esc(site.status()) + "</code>"))
                        .append(")");
            }
            if (site.hasContact()) {
                List<String> parts = new java.util.ArrayList<>();
                if (site.contactName() != null) {
                    parts.add(esc(site.contactName()));
                }
                if (site.contactPhone() != null) {
                    parts.add(esc(site.contactPhone()));
                }
                if (site.contactEmail() != null) {
                    parts.add("<a href=\"mailto:" + esc(site.contactEmail()) + "\">" + esc(site.contactEmail()) + "</a>");
                }
                li.append(". ").append(around(text, "trials.siteContact", String.join(", ", parts)));
            }
            out.write(li.append("</li>\n").toString());
        }
        out.write("</ul>\n");
    }

    /** The bundle's words of {@code key} escaped, around {@code html} (already escaped) as its argument. */
    private static String around(ReportText text, String key, String html) {
        String marker = "\u2060ARG\u2060";
        return esc(text.get(key, marker)).replace(marker, html);
    }

    /** A person's trials in English. */
    static void writePersonTrials(Writer out, AssessmentLine a) throws IOException {
        writePersonTrials(out, a, ReportText.english());
    }

    static void writePersonTrials(Writer out, AssessmentLine a, ReportText text) throws IOException {
        out.write("<h4>" + esc(text.get("trials.heading")) + "</h4>\n");
        if (a.trials().isEmpty()) {
            out.write("<p class=\"empty\">" + esc(text.get("trials.personNone")) + "</p>\n");
            return;
        }
        out.write("<table class=\"options\">\n<caption>" + esc(text.get("trials.forPerson", String.valueOf(a.patientId())))
                + "</caption>\n<thead><tr>" + col(text, "trials.col.trial", "") + col(text, "trials.col.result", "")
                + col(text, "trials.col.criteriaToVerify", "") + col(text, "trials.col.phases", "")
                + col(text, "trials.col.sitesInProvinceCanada", "num") + col(text, "trials.col.siteCities", "")
                + "</tr></thead>\n<tbody>\n");
        for (AssessmentLine.PersonTrial t : a.trials()) {
            out.write("<tr><th scope=\"row\"><a href=\"#t-" + esc(t.nctId()) + "\"><code>" + esc(t.nctId())
                    + "</code></a> " + esc(t.briefTitle()) + (t.note() == null ? "" : "<br><span class=\"note\">"
                            + esc(t.note()) + "</span>")
                    + "</th><td>" + result(t.result(), t.failedCriterion(), text) + "</td><td>" + codes(t.toVerify(), text)
                    + "</td><td>" + esc(t.phases()) + "</td><td class=\"num\">" + esc(t.sitesInProvince()) + " / "
                    + esc(t.sitesInCanada()) + "</td><td>" + esc(String.join(", ", t.siteCities())) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    private static String result(String result, String failed, ReportText text) {
        return "MATCH".equals(result) ? esc(text.get("trials.match"))
                : esc(text.get("trials.nearMiss")) + " <code>" + esc(failed) + "</code>";
    }

    private static String codes(List<String> values, ReportText text) {
        if (values == null || values.isEmpty()) {
            return "<span class=\"na\">" + esc(text.get("trials.nothingToVerify")) + "</span>";
        }
        StringBuilder html = new StringBuilder();
        for (String v : values) {
            html.append(html.isEmpty() ? "" : " ").append("<code>").append(esc(v)).append("</code>");
        }
        return html.toString();
    }

    private static String col(ReportText text, String key, String cssClass) {
        return "<th scope=\"col\"" + (cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"") + ">" + esc(text.get(key))
                + "</th>";
    }

    private static void row(Writer out, String label, long count, ReportText text) throws IOException {
        out.write("<tr><th scope=\"row\">" + esc(label) + "</th><td class=\"num\">" + esc(text.number(count))
                + "</td></tr>\n");
    }

    private static String esc(String value) {
        return Html.escape(value);
    }

    private static final java.util.regex.Pattern CRITERIA_NOT_IN_CATALOGUE =
            java.util.regex.Pattern.compile("trialCriteria has an entry for (\\S+), which is not a study of the.*");

    /** A catalogue warning in the report's language when the bundle knows its kind; the NCT id stays as it is. */
    static String warning(String warning, ReportText text) {
        java.util.regex.Matcher m = CRITERIA_NOT_IN_CATALOGUE.matcher(warning);
        return m.matches() && !text.language().equals("en")
                ? text.get("trials.warning.criteriaNotInCatalogue", m.group(1)) : warning;
    }
}
