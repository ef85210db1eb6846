package ca.trialpath.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The trial parts of {@code report.html}: a section per open trial with its candidates and near misses,
 * and each person's trials with the criteria still to verify. Kept apart from {@link HtmlReport} so the
 * two change independently; the words shown are gathered at the top.
 */
final class TrialHtml {

    static final String SECTION_TITLE = "Open trials";
    static final String SECTION_INTRO = "Studies of the ClinicalTrials.gov catalogue that are recruiting, have a "
            + "recruiting site in Canada and concern anal cancer, each with the people flagged for a trial discussion "
            + "who match it (no criterion failed) or nearly match it (exactly one failed). \"To verify\" lists the "
            + "criteria the record could not judge. Matching never changes the trial flag or priority.";
    static final String NO_CATALOGUE = "No trial catalogue was given (trials=), so no trial matching was done.";
    static final String NO_OPEN_TRIALS = "No study of the catalogue is open in Canada for anal cancer.";
    static final String NO_PEOPLE = "No candidates and no near misses.";
    static final String PERSON_TITLE = "Open trials";
    static final String PERSON_NONE = "No open trial matches or nearly matches this person.";
    static final String MATCH = "match";
    static final String NEAR_MISS = "near miss: fails ";
    static final String NOTHING_TO_VERIFY = "nothing";

    private TrialHtml() {
    }

    static void writeTrials(Writer out, TrialReport trials) throws IOException {
        out.write("<section id=\"trials\" aria-labelledby=\"trials-h\">\n<h2 id=\"trials-h\">" + esc(SECTION_TITLE)
                + "</h2>\n");
        if (!trials.matching()) {
            out.write("<p class=\"empty\">" + esc(NO_CATALOGUE) + "</p>\n</section>\n");
            return;
        }
        out.write("<p>" + esc(SECTION_INTRO) + "</p>\n");
        var c = trials.catalogue();
        out.write("<table class=\"counts\">\n<caption>Catalogue and matching</caption>\n<tbody>\n");
        row(out, "Studies read", c.entriesRead());
        row(out, "Studies skipped", c.skipped().values().stream().mapToLong(Long::longValue).sum());
        c.skipped().forEach((reason, count) -> {
            if (count > 0) {
                try {
                    row(out, "  skipped: " + reason, count);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        row(out, "Studies open in Canada", c.openInCanada());
        row(out, "Open in Canada and about anal cancer", c.matchable());
        row(out, "People flagged for a trial discussion", trials.peopleConsidered());
        row(out, "People with a match", trials.peopleWithMatch());
        row(out, "People with near misses only", trials.peopleWithNearMissOnly());
        out.write("</tbody>\n</table>\n");
        if (!c.warnings().isEmpty()) {
            out.write("<ul class=\"flags\">");
            for (String warning : c.warnings()) {
                out.write("<li>" + esc(warning) + "</li>");
            }
            out.write("</ul>\n");
        }
        if (trials.sections().isEmpty()) {
            out.write("<p class=\"empty\">" + esc(NO_OPEN_TRIALS) + "</p>\n");
        }
        for (TrialReport.Section s : trials.sections()) {
            String anchor = "t-" + s.nctId();
            out.write("<article class=\"person\" id=\"" + esc(anchor) + "\" aria-labelledby=\"" + esc(anchor) + "-h\">\n"
                    + "<h3 id=\"" + esc(anchor) + "-h\"><code>" + esc(s.nctId()) + "</code> " + esc(s.briefTitle())
                    + "</h3>\n<p>Phases: " + esc(s.phases().isEmpty() ? "none given" : String.join(", ", s.phases()))
                    + ". Recruiting in: " + esc(s.provinces().isEmpty() ? "Canada (province not known)"
                            : String.join(", ", s.provinces()))
                    + ". Candidates: " + number(s.candidates()) + ", near misses: " + number(s.nearMisses()) + ".</p>\n");
            if (s.note() != null) {
                out.write("<p class=\"note\">Coordinators' note: " + esc(s.note()) + "</p>\n");
            }
            CappedList list = new CappedList(out, s.shown().size(),
                    "<table>\n<caption>People to screen for " + esc(s.nctId()) + "</caption>\n<thead><tr>"
                            + "<th scope=\"col\">Patient id</th><th scope=\"col\">Result</th>"
                            + "<th scope=\"col\">To verify</th><th scope=\"col\" class=\"num\">Sites in province</th>"
                            + "<th scope=\"col\">Site cities</th></tr></thead>\n<tbody>\n",
                    "</tbody>\n</table>\n");
            for (TrialReport.Person p : s.shown()) {
                if (list.admit()) {
                    out.write("<tr><th scope=\"row\">" + esc(p.patientId()) + "</th><td>" + result(p.result(),
                            p.failedCriterion()) + "</td><td>" + codes(p.toVerify()) + "</td><td class=\"num\">"
                            + p.sitesInProvince() + "</td><td>" + esc(String.join(", ", p.siteCities())) + "</td></tr>\n");
                }
            }
            list.finish(s.candidates() + s.nearMisses(), NO_PEOPLE, "trial_matches.csv");
            out.write("</article>\n");
        }
        out.write("</section>\n");
    }

    static void writePersonTrials(Writer out, AssessmentLine a) throws IOException {
        out.write("<h4>" + esc(PERSON_TITLE) + "</h4>\n");
        if (a.trials().isEmpty()) {
            out.write("<p class=\"empty\">" + esc(PERSON_NONE) + "</p>\n");
            return;
        }
        out.write("<table class=\"options\">\n<caption>Trials for " + esc(a.patientId()) + "</caption>\n<thead><tr>"
                + "<th scope=\"col\">Trial</th><th scope=\"col\">Result</th><th scope=\"col\">Criteria to verify</th>"
                + "<th scope=\"col\">Phases</th><th scope=\"col\" class=\"num\">Sites in province / Canada</th>"
                + "<th scope=\"col\">Site cities</th></tr></thead>\n<tbody>\n");
        for (AssessmentLine.PersonTrial t : a.trials()) {
            out.write("<tr><th scope=\"row\"><a href=\"#t-" + esc(t.nctId()) + "\"><code>" + esc(t.nctId())
                    + "</code></a> " + esc(t.briefTitle()) + (t.note() == null ? "" : "<br><span class=\"note\">"
                            + esc(t.note()) + "</span>")
                    + "</th><td>" + result(t.result(), t.failedCriterion()) + "</td><td>" + codes(t.toVerify())
                    + "</td><td>" + esc(t.phases()) + "</td><td class=\"num\">" + esc(t.sitesInProvince()) + " / "
                    + esc(t.sitesInCanada()) + "</td><td>" + esc(String.join(", ", t.siteCities())) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    private static String result(String result, String failed) {
        return "MATCH".equals(result) ? esc(MATCH) : esc(NEAR_MISS) + "<code>" + esc(failed) + "</code>";
    }

    private static String codes(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "<span class=\"na\">" + esc(NOTHING_TO_VERIFY) + "</span>";
        }
        StringBuilder html = new StringBuilder();
        for (String v : values) {
            html.append(html.isEmpty() ? "" : " ").append("<code>").append(esc(v)).append("</code>");
        }
        return html.toString();
    }

    private static void row(Writer out, String label, long count) throws IOException {
        out.write("<tr><th scope=\"row\">" + esc(label) + "</th><td class=\"num\">" + number(count) + "</td></tr>\n");
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String esc(String value) {
        return Html.escape(value);
    }
}
