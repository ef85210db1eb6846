package ca.trialpath.report;

import java.util.List;

/**
 * What the templates of {@code report.html} ({@code src/main/jte}) show, as typed values: the page's code
 * ({@link HtmlReport}, {@link TrialHtml}, {@link ChangesSection}, {@link SvgCharts}) decides every word, number
 * and choice, and the templates only loop and test. Values hold plain text: the templates escape them all
 * (jte's {@code ContentType.Html}), so no record holds markup.
 */
final class ReportView {

    private ReportView() {
    }

    /** How a piece of a value is marked up. */
    enum Kind {
        /** as it is */
        TEXT,
        /** words, with the code behind them in the title, for analysts */
        WORDS,
        /** "not recorded", "none", or a dash titled with them: greyed */
        NA,
        /** a code, in monospace */
        CODE,
        /** an e-mail address, linked */
        MAIL
    }

    /** One piece of a value. @param title the title attribute, {@code null} for none */
    record Txt(Kind kind, String text, String title) {

        static Txt text(String text) {
            return new Txt(Kind.TEXT, text, null);
        }

        static Txt words(String words, String code) {
            return new Txt(Kind.WORDS, words, code);
        }

        static Txt na(String text) {
            return new Txt(Kind.NA, text, null);
        }

        /** A dash in a table cell, titled with what it stands for. */
        static Txt dash(String title) {
            return new Txt(Kind.NA, "–", title);
        }

        static Txt code(String code) {
            return new Txt(Kind.CODE, code, null);
        }

        static Txt mail(String address) {
            return new Txt(Kind.MAIL, address, null);
        }
    }

    /** A value: its pieces, shown with {@code separator} between them. */
    record Val(List<Txt> parts, String separator) {

        static Val of(Txt part) {
            return new Val(List.of(part), "");
        }

        static Val text(String text) {
            return of(Txt.text(text));
        }
    }

    /** A term and its value, in a definition list. */
    record Item(String term, Val value) {
    }

    /**
     * A list of the page capped at the page's maximum: the entries shown, the sentence for a list without any,
     * and the sentence that says how many more there are and where.
     *
     * @param empty {@code null} unless the list has no entries at all
     * @param more  {@code null} unless entries were left out
     */
    record Capped<T>(List<T> shown, String empty, String more) {
    }

    /** A row of a count table: a label and its count, with a note after the count ({@code null} for none). */
    record CountRow(String label, Val count, String note) {
    }

    /** @param none the sentence of a table without rows */
    record CountTable(String caption, String what, String unit, List<CountRow> rows, String none) {
    }

    // ---- the page ----

    /** The page in its order: the morning worklist first, the run's details last. */
    record Page(ReportText t, String lang, String scriptHash, String css, String script, String title, Header header,
            Today today, Trials trials, ScreeningCounts counts, Changes changes, Glance glance, Review review,
            Rejects rejects, Cards cards, People people, RunDetails run) {
    }

    /** @param deidentified in a de-identified run, the sentence saying the ids are pseudonyms; else {@code null} */
    record Header(String runDate, String deidentified) {
    }

    /** The operators' facts of the run (execution id, times, versions), last on the page. */
    record RunDetails(List<Item> facts) {
    }

    // ---- today: the morning worklist of pairs ----

    /**
     * @param matching the run matched people to trials (without it there is no worklist)
     * @param scope    the sentence above the controls when the list is cut: sorting and filters see only the rows
     *                 on the page; {@code null} when every row is shown
     */
    record Today(boolean matching, Controls controls, String scope, Capped<PairRow> list) {
    }

    /**
     * One (person, trial) pair of a list, ranked.
     *
     * @param order   its rank on the page (1 first), what sorting falls back on
     * @param marks   "new tonight", "reopened: ...", "revisit due since ...": what the coordinator must notice
     * @param link    the study's ClinicalTrials.gov page
     * @param fits    the criteria met, in words, in one sentence
     * @param verify  what to verify, one sentence per criterion
     */
    record PairRow(long order, String group, String groupLabel, String status, String statusLabel, String statusDate,
            String inProvince, String province, PersonLink patient, String nctId, String title, String link,
            Val result, String site, List<String> marks, String fits, List<String> verify, String trialAnchor) {
    }

    // ---- counts of the whole run ----

    /** @param perTrial per trial, matches in the person's province and elsewhere; the bars draw them */
    record ScreeningCounts(boolean matching, CountTable byStatus, List<TrialCountRow> perTrial, SplitBars perTrialBars,
            Chart funnel, String funnelNote, Chart newPairs) {
    }

    record TrialCountRow(String nctId, String title, Val inProvince, Val elsewhere, Val nearMisses) {
    }

    /** Bars of two parts each: in the person's province (dark) and elsewhere (light). */
    record SplitBars(String id, String title, String desc, int width, int height, List<SplitBar> bars) {
    }

    record SplitBar(String label, int labelX, int textY, int barX, int barY, long first, long second, int barHeight,
            long valueX, String value) {
    }

    // ---- people on the lists ----

    record Cards(List<Card> cards) {
    }

    /**
     * A person of the lists: what the pairs know of them, each of their trials, and a link to their full record
     * when "Each person" shows it ({@code fullAnchor}, else {@code null}).
     */
    record Card(String anchor, String patientId, Val pathway, Val options, String fullAnchor, String caption,
            List<PairRow> pairs) {
    }

    // ---- what changed ----

    /** @param comparedWith {@code null} on the first run, which has nothing to compare with */
    record Changes(String comparedWith, List<ChangeCount> counts, Capped<ChangeRow> list) {
    }

    record ChangeCount(String kind, String label, String count, String meaning) {
    }

    record ChangeRow(String kind, String patientId, String label, Val before, Val after) {
    }

    // ---- the run at a glance ----

    record Glance(List<CountRow> rows, List<Chart> charts, CountTable rules, String rejectRate, Trend trend,
            List<FlagRow> flags, Files files) {
    }

    /** Counts as a table, the chart's text equivalent, and the same counts as bars. */
    record Chart(String id, CountTable table, SvgCharts.Bars bars) {
    }

    record Trend(SvgCharts.TrendChart chart, boolean startsHere, List<TrendRow> rows) {
    }

    record TrendRow(String runDate, Val assessed, Val high, Val rejected) {
    }

    record FlagRow(String flag, Val people, String meaning) {
    }

    /** @param ignoredSentence the columns no file's format knows, in a sentence; {@code null} for none */
    record Files(List<FileRow> rows, boolean anyIgnored, String ignoredSentence) {
    }

    record FileRow(Val name, String sha, String shortSha, Val bytes, Val read, Val assessed, Val rejected,
            Val ignored) {
    }

    // ---- the lists of people ----

    /** The filters above a table, as codes and their words. */
    record Controls(String tableId, List<Filter> filters) {
    }

    record Filter(String id, String name, String label, List<Choice> choices) {
    }

    record Choice(String value, String label) {
    }

    /** What the page's filters and sorting read: the codes of the CSV files, never words. */
    record Data(long order, String id, String priority, String pathway, String province, String flag) {
    }

    /** A patient id, linked to the person's entry when "Each person" shows it ({@code anchor} else {@code null}). */
    record PersonLink(String anchor, Val id) {
    }

    record Review(Controls controls, Capped<ReviewRow> list) {
    }

    record ReviewRow(Data data, PersonLink patient, Val pathway, List<FlagLine> flags) {
    }

    record FlagLine(String flag, String meaning) {
    }

    record Rejects(Capped<RejectRow> list) {
    }

    record RejectRow(Val file, Val line, Val patientId, String reason, String message) {
    }

    /**
     * "Each person": written while the feed is read, one person in memory at a time (a person may have
     * thousands of trials), then the list's capped sentence.
     */
    record People(gg.jte.Content entries) {
    }

    /**
     * One person's entry.
     *
     * @param pathwayWhy the reason of the pathway, {@code null} for none
     * @param trialWhy   the row of rules.md section 5 behind the trial discussion, {@code null} for none
     * @param noOptions  why there are no options, {@code null} when there are
     * @param trials     the person's trials, {@code null} in a run without matching or without a discussion
     */
    record Person(String anchor, Val id, List<Item> items, Basis pathwayWhy, Basis trialWhy, List<Item> facts,
            List<FlagLine> flags, String noOptions, String optionsCaption, List<OptionRow> options,
            PersonTrials trials) {
    }

    /** @param rule {@code null} when the basis names no rule */
    record Basis(String rule, String text) {
    }

    record OptionRow(String rule, Val label, Val regimens, Val goal, Val section, Val why) {
    }

    // ---- trials ----

    /** @param caption {@code null} when the person has no trials */
    record PersonTrials(String caption, List<PersonTrialRow> rows) {
    }

    record PersonTrialRow(String nctId, String briefTitle, String note, Val result, Val toVerify, String phases,
            String sites, String cities) {
    }

    /**
     * The trials section; {@code matching} false: the run had no catalogue.
     *
     * @param downloadedClass {@code "flags"} when the catalogue is older than allowed, else {@code null}
     * @param studies         made as the page is written, one at a time: every study may be open to everyone
     */
    record Trials(boolean matching, String downloaded, String downloadedClass, List<CountRow> counts, List<String> warnings,
            boolean noStudies, Iterable<Study> studies) {
    }

    /**
     * @param record   the study's page and last update, {@code null} when the record gives neither
     */
    record Study(String anchor, String nctId, String briefTitle, String facts, String note, StudyRecord record,
            List<Site> sites, String counts, String peopleCaption, Capped<PairRow> people) {
    }

    /** @param link {@code null} for none; @param lastUpdate the sentence, {@code null} for none */
    record StudyRecord(String link, String lastUpdate) {
    }

    /**
     * A recruiting site: where (or that the record does not say), its status and its contact, each
     * {@code null} where the record does not give it; the bundle's words go around the status and the contact.
     */
    record Site(String where, Around status, Around contact) {
    }

    /** The bundle's words before and after a value shown as markup. */
    record Around(String before, Val value, String after) {
    }
}
