package ca.trialpath.report;

import ca.trialpath.report.ReportView.Around;
import ca.trialpath.report.ReportView.Txt;
import ca.trialpath.report.ReportView.Val;
import ca.trialpath.trials.TrialCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The trial parts of {@code report.html}: a section per open trial with its candidates and near misses
 * ({@code trials.jte}), and each person's trials with the criteria still to verify ({@code persontrials.jte}).
 * Kept apart from {@link HtmlReport} so the two change independently; the words come from the report's bundle
 * ({@code trials.*}), NCT ids, criteria and results' codes stay as in {@code trial_matches.csv}.
 */
final class TrialHtml {

    private static final Pattern CRITERIA_NOT_IN_CATALOGUE =
            Pattern.compile("trialCriteria has an entry for (\\S+), which is not a study of the.*");

    private TrialHtml() {
    }

    static ReportView.Trials trials(TrialReport trials, ReportText text) {
        return trials(trials, text, new ScreeningHtml(HtmlReport.NO_SCREENING, trials, text, 0, 0, "trial_matches.csv"),
                null);
    }

    /**
     * @param screening each trial's candidates, ranked, and their counts over the whole run
     * @param rows      the rows' words; {@code null} with a screening that lists nobody
     */
    static ReportView.Trials trials(TrialReport trials, ReportText text, ScreeningHtml screening,
            ScreeningHtml.Rows rows) {
        if (!trials.matching()) {
            return new ReportView.Trials(false, null, null, List.of(), List.of(), true, List.of());
        }
        var c = trials.catalogue();
        String downloaded = c.downloadedAt() == null ? text.get("trials.downloadUnknown")
                : text.get("trials.downloaded", c.downloadedAt(), text.number(c.ageDays()), text.number(c.maxAgeDays()));
        List<ReportView.CountRow> counts = new ArrayList<>();
        counts.add(row(text.get("trials.studiesRead"), c.entriesRead(), text));
        counts.add(row(text.get("trials.studiesSkipped"), c.skipped().values().stream().mapToLong(Long::longValue).sum(),
                text));
        for (var skipped : c.skipped().entrySet()) {
            if (skipped.getValue() > 0) {
                counts.add(row("  " + text.get("trials.skippedBecause", skipped.getKey()), skipped.getValue(), text));
            }
        }
        counts.add(row(text.get("trials.openInCanada"), c.openInCanada(), text));
        counts.add(row(text.get("trials.matchable"), c.matchable(), text));
        counts.add(row(text.get("trials.peopleConsidered"), trials.peopleConsidered(), text));
        counts.add(row(text.get("trials.peopleWithMatch"), trials.peopleWithMatch(), text));
        counts.add(row(text.get("trials.peopleWithNearMissOnly"), trials.peopleWithNearMissOnly(), text));
        List<String> warnings = c.warnings().stream().map(w -> warning(w, text)).toList();
        Iterable<ReportView.Study> studies = () -> trials.sections().stream()
                .map(s -> study(s, text, screening, rows)).iterator();
        return new ReportView.Trials(true, downloaded, c.stale() ? "flags" : null, counts, warnings,
                trials.sections().isEmpty(), studies);
    }

    private static ReportView.Study study(TrialReport.Section s, ReportText text, ScreeningHtml screening,
            ScreeningHtml.Rows rows) {
        String facts = text.get("trials.sectionFacts",
                s.phases().isEmpty() ? text.get("trials.noPhase") : String.join(", ", s.phases()),
                s.provinces().isEmpty() ? text.get("trials.noProvince") : String.join(", ", s.provinces()),
                text.number(s.candidates()), text.number(s.nearMisses()));
        return new ReportView.Study("t-" + s.nctId(), s.nctId(), s.briefTitle(), facts,
                s.note() == null ? null : text.get("trials.note", s.note()), studyRecord(s, text), sites(s, text),
                screening.trialCounts(s.nctId()), text.get("perTrial.caption", s.nctId()),
                screening.trialList(s, rows));
    }

    /** The study's page and last update, each only where the record gives it (no empty label). */
    private static ReportView.StudyRecord studyRecord(TrialReport.Section s, ReportText text) {
        if (s.link() == null && s.lastUpdatePosted() == null) {
            return null;
        }
        return new ReportView.StudyRecord(s.link(),
                s.lastUpdatePosted() == null ? null : text.get("trials.lastUpdate", s.lastUpdatePosted()));
    }

    /** The recruiting Canadian sites: where, their own status and the contact the study publishes. */
    private static List<ReportView.Site> sites(TrialReport.Section s, ReportText text) {
        List<ReportView.Site> sites = new ArrayList<>();
        for (TrialCatalogue.SiteRow site : s.sites()) {
            String place = String.join(", ", Stream.of(site.city(), site.province()).filter(Objects::nonNull).toList());
            String where = (site.facility() == null ? "" : site.facility() + (place.isEmpty() ? "" : ", "))
                    + (place.isEmpty() && site.facility() == null ? text.get("trials.siteUnknown") : place);
            Around status = site.status() == null ? null
                    : around(text, "trials.siteStatus", Val.of(Txt.code(site.status())));
            Around contact = null;
            if (site.hasContact()) {
                List<Txt> parts = new ArrayList<>();
                if (site.contactName() != null) {
                    parts.add(Txt.text(site.contactName()));
                }
                if (site.contactPhone() != null) {
                    parts.add(Txt.text(site.contactPhone()));
                }
                if (site.contactEmail() != null) {
                    parts.add(Txt.mail(site.contactEmail()));
                }
                contact = around(text, "trials.siteContact", new Val(parts, ", "));
            }
            sites.add(new ReportView.Site(where, status, contact));
        }
        return sites;
    }

    /** The bundle's words of {@code key} around {@code value}, its argument. */
    private static Around around(ReportText text, String key, Val value) {
        String marker = "\u2060ARG\u2060";
        String words = text.get(key, marker);
        int at = words.indexOf(marker);
        return new Around(words.substring(0, at), value, words.substring(at + marker.length()));
    }

    static ReportView.PersonTrials personTrials(AssessmentLine a, ReportText text) {
        if (a.trials().isEmpty()) {
            return new ReportView.PersonTrials(null, List.of());
        }
        List<ReportView.PersonTrialRow> rows = new ArrayList<>();
        for (AssessmentLine.PersonTrial t : a.trials()) {
            rows.add(new ReportView.PersonTrialRow(t.nctId(), t.briefTitle(), t.note(),
                    result(t.result(), t.failedCriterion(), text), codes(t.toVerify(), text), t.phases(),
                    Objects.toString(t.sitesInProvince(), "") + " / " + Objects.toString(t.sitesInCanada(), ""),
                    String.join(", ", t.siteCities())));
        }
        return new ReportView.PersonTrials(text.get("trials.forPerson", String.valueOf(a.patientId())), rows);
    }

    private static Val result(String result, String failed, ReportText text) {
        return "MATCH".equals(result) ? Val.text(text.get("trials.match"))
                : new Val(List.of(Txt.text(text.get("trials.nearMiss")), Txt.code(failed)), " ");
    }

    private static Val codes(List<String> values, ReportText text) {
        if (values == null || values.isEmpty()) {
            return Val.of(Txt.na(text.get("trials.nothingToVerify")));
        }
        return new Val(values.stream().map(Txt::code).toList(), " ");
    }

    private static ReportView.CountRow row(String label, long count, ReportText text) {
        return new ReportView.CountRow(label, Val.text(text.number(count)), null);
    }

    /** A catalogue warning in the report's language when the bundle knows its kind; the NCT id stays as it is. */
    static String warning(String warning, ReportText text) {
        Matcher m = CRITERIA_NOT_IN_CATALOGUE.matcher(warning);
        return m.matches() && !text.language().equals("en")
                ? text.get("trials.warning.criteriaNotInCatalogue", m.group(1)) : warning;
    }
}
