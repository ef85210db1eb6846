package ca.trialpath.report;

import ca.trialpath.guideline.GuidelineSection;
import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.report.ReportView.Capped;
import ca.trialpath.report.ReportView.CountRow;
import ca.trialpath.report.ReportView.CountTable;
import ca.trialpath.report.ReportView.Item;
import ca.trialpath.report.ReportView.Txt;
import ca.trialpath.report.ReportView.Val;
import ca.trialpath.screening.ScreeningNight;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code report.html}, the page research coordinators read every morning (outputs.md): the run at a
 * glance with its charts and the trend of the last runs, the trial-discussion worklist (HIGH first), people
 * needing review, rejected rows, and each person's options with the rule and guideline section behind them.
 *
 * <p>The page is self-contained (the stylesheet {@code report/report.css} inlined, inline SVG charts, the one
 * small script {@code report/report.js} inlined and allowed by its hash in the Content Security Policy, nothing
 * loaded from the network) and prints. Without the script it is complete: the script only adds sorting and
 * filtering. It is written from the {@link ReportFeeds} the run gathered (the first entries of each list and
 * the totals), so its size and cost depend on the cap per list, not on the number of people.
 *
 * <p>This class decides what the page says, as the typed values of {@link ReportView}; the templates of
 * {@code src/main/jte} (compiled at build time, {@code report.jte} the page) lay it out and escape every value
 * ({@link Html}). Every word of the page comes from {@link ReportText}, in the report's language.
 */
public final class HtmlReport {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** How many hex digits of a SHA-256 the files table shows; the full value is in the cell's title. */
    private static final int SHORT_SHA = 12;

    /** How many runs the trend shows: a month of nights. */
    public static final int TREND_RUNS = 30;

    /** Facts shown first, in this order; any other fact follows under its JSON name. */
    private static final List<String> FACT_ORDER = List.of("recurrence_type", "recurrence_sites",
            "unknown_site_terms", "prior_treatments", "surgery_possible", "symptoms", "treatment_wish",
            "recurrence_date", "sex", "histology", "ecog");

    /** Facts whose values are vocabulary terms: the bundle has their words ({@code term.<fact>.<term>}). */
    private static final Set<String> TERM_FACTS = Set.of("primary_site", "prior_treatments", "surgery_possible",
            "treatment_wish", "recurrence_sites", "symptoms");

    private static final String CSS = resource("/report/report.css");
    private static final String SCRIPT = resource("/report/report.js");
    /** The Content Security Policy admits this one script by the hash of the bytes the page holds, and nothing else. */
    private static final String SCRIPT_HASH = sha256Base64(SCRIPT);

    /** A night without screening pairs: a run without trial matching, or before the screening log is kept. */
    public static final ScreeningNight NO_SCREENING = new ScreeningNight(List.of(), List.of());

    /** Rows of each trial's list at most (as {@code maxRowsPerTrial} of the job's properties). */
    public static final int MAX_ROWS_PER_TRIAL = 100;

    private final int maxRowsPerList;
    private final int maxRowsPerTrial = MAX_ROWS_PER_TRIAL;
    private final ReportText text;
    /** The pseudonym key's tag in a de-identified run, else {@code null}. */
    private final String pseudonymKeyId;
    private final JsonLines jsonLines = new JsonLines(JsonMapper.builder().build());

    /** An English report. @param maxRowsPerList how many rows each list shows before it says how many more there are */
    public HtmlReport(int maxRowsPerList) {
        this(maxRowsPerList, ReportText.english());
    }

    /** @param text the words of the page, in its language */
    public HtmlReport(int maxRowsPerList, ReportText text) {
        this(maxRowsPerList, text, null);
    }

    /**
     * @param pseudonymKeyId in a de-identified run, the key's tag: the page says at its top that the ids
     *                       are pseudonyms, so nobody takes them for registry ids
     */
    public HtmlReport(int maxRowsPerList, ReportText text, String pseudonymKeyId) {
        if (maxRowsPerList < 0) {
            throw new IllegalArgumentException("maxRowsPerList must not be negative: " + maxRowsPerList);
        }
        this.maxRowsPerList = maxRowsPerList;
        this.text = text;
        this.pseudonymKeyId = pseudonymKeyId;
    }

    /** Writes the page without run history: nothing to compare with, and a trend that starts with this run. */
    public void write(RunSummary summary, ReportFeeds feeds, Path target) throws IOException {
        write(summary, feeds, ReportHistory.none(), target);
    }

    /**
     * Writes the page from the feeds gathered during the run: its size and the time it takes depend on
     * the cap per list, not on the number of people.
     *
     * @param history what changed since the previous run (the page's first section) and the totals of the
     *                last runs (its trend)
     */
    public void write(RunSummary summary, ReportFeeds feeds, ReportHistory history, Path target) throws IOException {
        write(summary, feeds, history, TrialReport.NO_MATCHING, target);
    }

    /**
     * As {@link #write(RunSummary, ReportFeeds, ReportHistory, Path)}, with the trial part of the run and no
     * screening worklist.
     *
     * @param trials the trial part of the run, {@code null} to leave it out
     */
    public void write(RunSummary summary, ReportFeeds feeds, ReportHistory history, TrialReport trials, Path target)
            throws IOException {
        write(summary, feeds, history, trials, NO_SCREENING, target);
    }

    /**
     * The page of a run: "Today" (the night's worklist of pairs) first, each trial's candidates, the counts of the
     * whole run, then the run's other lists, each person, and the run's details last.
     *
     * @param trials the trial part of the run, {@code null} to leave it out
     * @param night  the night's screening pairs, ranked (screening.md); {@link #NO_SCREENING} for none
     */
    public void write(RunSummary summary, ReportFeeds feeds, ReportHistory history, TrialReport trials,
            ScreeningNight night, Path target) throws IOException {
        write(summary, feeds, history.changes(), history.lastRuns().stream().map(TrendPoint::of).toList(), trials,
                night, target);
    }

    /**
     * As {@link #write(RunSummary, ReportFeeds, ReportHistory, Path)} with no changes to show and no trial
     * matching.
     *
     * @param earlierRuns the totals of earlier runs, in any order; the trend shows the last
     *                    {@value #TREND_RUNS} of them with this run
     */
    public void write(RunSummary summary, ReportFeeds feeds, List<TrendPoint> earlierRuns, Path target)
            throws IOException {
        write(summary, feeds, OvernightChanges.firstRun(), earlierRuns, TrialReport.NO_MATCHING, NO_SCREENING, target);
    }

    private void write(RunSummary summary, ReportFeeds feeds, OvernightChanges changes, List<TrendPoint> earlierRuns,
            TrialReport trials, ScreeningNight night, Path target) throws IOException {
        boolean withTrials = trials != null && trials.matching();
        List<TrendPoint> trend = trend(summary, earlierRuns);
        ScreeningHtml screening = new ScreeningHtml(night == null ? NO_SCREENING : night, trials, text,
                maxRowsPerList, Math.min(maxRowsPerList, maxRowsPerTrial),
                pseudonymKeyId == null ? "screening_log.csv" : "trial_matches.csv");
        Set<String> shownPeople = new java.util.HashSet<>(screening.cardPeople());
        ScreeningHtml.Rows rows = screening.new Rows(screening.provincesOf(shownPeople));
        Set<String> fullRecords = peopleShownInFull(feeds, shownPeople);
        long flagged = count(summary.priorities(), "HIGH") + count(summary.priorities(), "ROUTINE");
        ReportView.Page page = new ReportView.Page(text, text.language(), SCRIPT_HASH, CSS, SCRIPT,
                text.get("page.title", String.valueOf(summary.runDate())), header(summary),
                screening.today(withTrials, pseudonymKeyId != null, rows),
                trials == null ? null : TrialHtml.trials(trials, text, screening, rows),
                screening.counts(withTrials, flagged, trend.stream().map(TrendPoint::runDate).toList()),
                ChangesSection.of(changes, maxRowsPerList, text), glance(summary, trend), review(feeds),
                rejects(feeds), screening.cards(rows, fullRecords), people(feeds), runDetails(summary));
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            Html.render("report.jte", page, new WriterOutput(out));
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a feed that could not be read while the people were written
        }
    }

    private static long count(Map<String, Long> counts, String key) {
        Long n = counts == null ? null : counts.get(key);
        return n == null ? 0 : n;
    }

    /** Which of {@code people} "Each person" shows in full (the first of the run): their cards link there. */
    private Set<String> peopleShownInFull(ReportFeeds feeds, Set<String> people) throws IOException {
        Set<String> shown = new java.util.HashSet<>();
        if (people.isEmpty() || !Files.exists(feeds.peopleFile())) {
            return shown;
        }
        CappedList<String> list = new CappedList<>(maxRowsPerList);
        forEachAssessment(feeds.peopleFile(), a -> {
            if (list.admit() && people.contains(a.patientId())) {
                shown.add(a.patientId());
            }
        });
        return shown;
    }

    /** The runs the trend draws: the last ones before this run, oldest first, and this run. */
    static List<TrendPoint> trend(RunSummary summary, List<TrendPoint> earlierRuns) {
        TrendPoint current = TrendPoint.of(summary);
        List<TrendPoint> runs = new ArrayList<>();
        for (TrendPoint run : earlierRuns == null ? List.<TrendPoint>of() : earlierRuns) {
            if (run.runDate() != null && current.runDate() != null && run.runDate().isBefore(current.runDate())) {
                runs.add(run);
            }
        }
        runs.sort(Comparator.comparing(TrendPoint::runDate));
        runs.add(current);
        return List.copyOf(runs.subList(Math.max(0, runs.size() - TREND_RUNS), runs.size()));
    }

    // ---- 1. the header ----

    private ReportView.Header header(RunSummary s) {
        return new ReportView.Header(String.valueOf(s.runDate()),
                pseudonymKeyId == null ? null : text.get("header.deidentified.explained", pseudonymKeyId));
    }

    // ---- last: the run's details, for operators ----

    private ReportView.RunDetails runDetails(RunSummary s) {
        List<Item> facts = new ArrayList<>();
        facts.add(new Item(text.get("header.runDate"), Val.text(String.valueOf(s.runDate()))));
        facts.add(new Item(text.get("header.jobExecutionId"), Val.text(String.valueOf(s.jobExecutionId()))));
        facts.add(new Item(text.get("header.started"), Val.of(time(s.startTime()))));
        facts.add(new Item(text.get("header.finished"), Val.of(time(s.endTime()))));
        if (s.startTime() != null && s.endTime() != null) {
            facts.add(new Item(text.get("header.took"), Val.text(duration(Duration.between(s.startTime(), s.endTime())))));
        }
        // the guideline's name and edition in the report's language (summary.json has the English one)
        facts.add(new Item(text.get("header.guideline"), Val.text(text.get("guideline.name"))));
        facts.add(new Item(text.get("header.guidelineVersion"), Val.of(value(GuidelineVersion.ID))));
        facts.add(new Item(text.get("header.rulesVersion"), Val.of(value(s.rulesVersion()))));
        return new ReportView.RunDetails(facts);
    }

    // ---- 2. the run at a glance ----

    private ReportView.Glance glance(RunSummary s, List<TrendPoint> trend) {
        List<CountRow> rows = List.of(countRow(text.get("glance.read"), s.read()),
                countRow(text.get("glance.assessed"), s.assessed()),
                new CountRow(text.get("glance.rejected"), number(s.rejected()),
                        s.read() > 0 ? text.percent((double) s.rejected() / s.read()) : null));
        List<ReportView.Chart> charts = List.of(
                chart("chart-pathways", text.get("glance.pathways"), text.get("glance.pathway"), text.get("glance.people"),
                        "pathway.", s.pathways()),
                chart("chart-priorities", text.get("glance.priorities"), text.get("glance.priority"),
                        text.get("glance.people"), "priority.", s.priorities()),
                chart("chart-reasons", text.get("glance.reasons"), text.get("glance.reason"), text.get("glance.rows"),
                        "reason.", s.rejectReasons()));
        CountTable rules = countTable(text.get("glance.rules"), text.get("glance.rule"), text.get("glance.people"), "",
                s.rules());
        List<ReportView.TrendRow> trendRows = trend.stream().map(run -> new ReportView.TrendRow(
                String.valueOf(run.runDate()), number(run.assessed()), number(run.high()), number(run.rejected()))).toList();
        List<ReportView.FlagRow> flags = new ArrayList<>();
        for (Map.Entry<String, Long> flag : (s.reviewFlags() == null ? Map.<String, Long>of() : s.reviewFlags()).entrySet()) {
            flags.add(new ReportView.FlagRow(flag.getKey(), number(flag.getValue()), explanation(flag.getKey())));
        }
        return new ReportView.Glance(rows, charts, rules, text.get("glance.rejectRate", text.percent(s.maxRejectRate())),
                new ReportView.Trend(SvgCharts.trend("trend-svg", trend, text), trend.size() == 1, trendRows), flags,
                files(s));
    }

    /** The counts as a table, the chart's text equivalent, and below it the same counts as a bar chart. */
    private ReportView.Chart chart(String id, String caption, String what, String unit, String namePrefix,
            Map<String, Long> counts) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Map.Entry<String, Long> count : (counts == null ? Map.<String, Long>of() : counts).entrySet()) {
            bars.add(new SvgCharts.Bar(name(namePrefix, count.getKey()), count.getValue() == null ? 0 : count.getValue()));
        }
        return new ReportView.Chart(id, countTable(caption, what, unit, namePrefix, counts),
                SvgCharts.bars(id + "-svg", caption, bars, text));
    }

    private CountTable countTable(String caption, String what, String unit, String namePrefix, Map<String, Long> counts) {
        List<CountRow> rows = new ArrayList<>();
        for (Map.Entry<String, Long> count : (counts == null ? Map.<String, Long>of() : counts).entrySet()) {
            rows.add(countRow(name(namePrefix, count.getKey()), count.getValue()));
        }
        return new CountTable(caption, what, unit, rows, text.get("glance.none"));
    }

    private CountRow countRow(String label, Long count) {
        return new CountRow(label, number(count), null);
    }

    private ReportView.Files files(RunSummary s) {
        List<RunSummary.InputFile> files = s.inputFiles() == null ? List.of() : s.inputFiles();
        boolean anyIgnored = files.stream().anyMatch(f -> f.ignoredColumns() != null && !f.ignoredColumns().isEmpty());
        List<ReportView.FileRow> rows = new ArrayList<>();
        for (RunSummary.InputFile f : files) {
            String sha = f.sha256() == null ? "" : f.sha256();
            String shortSha = sha.length() > SHORT_SHA ? sha.substring(0, SHORT_SHA) + "…" : sha;
            rows.add(new ReportView.FileRow(Val.of(value(f.name())), sha, shortSha, number(f.bytes()), number(f.read()),
                    number(f.assessed()), number(f.rejected()), joined(f.ignoredColumns())));
        }
        List<String> ignored = s.ignoredColumns() == null ? List.of() : s.ignoredColumns();
        return new ReportView.Files(rows, anyIgnored,
                ignored.isEmpty() ? null : text.get("files.ignoredSentence", String.join(", ", ignored)));
    }

    /** What the page's filters read: the codes of the CSV files, never the words, so they work in any language. */
    private static ReportView.Data data(AssessmentLine a, long order) {
        return new ReportView.Data(order, nullToEmpty(a.patientId()), nullToEmpty(a.trialPriority()),
                nullToEmpty(a.pathway()), nullToEmpty(a.province()), String.join(" ", a.reviewFlags()));
    }

    /**
     * The filters above a table: hidden until the page's script shows them, so the page without script has
     * no controls that do nothing. The options are the codes' words; their values are the codes.
     */
    private ReportView.Controls controls(String tableId, List<String> filters) {
        List<ReportView.Filter> list = new ArrayList<>();
        for (String filter : filters) {
            List<String> values = switch (filter) {
                case "priority" -> List.of("HIGH", "ROUTINE");
                case "pathway" -> Arrays.stream(Pathway.values()).map(Enum::name).toList();
                case "flag" -> Arrays.stream(ReviewFlag.values()).map(Enum::name).toList();
                default -> List.<String>of(); // province: the script lists the provinces of the rows
            };
            List<ReportView.Choice> choices = values.stream().map(value -> new ReportView.Choice(value,
                    filter.equals("flag") ? value : name(filter + ".", value))).toList();
            list.add(new ReportView.Filter(tableId + "-" + filter, filter, text.get("filter." + filter), choices));
        }
        return new ReportView.Controls(tableId, list);
    }

    // ---- 4. people needing review ----

    private ReportView.Review review(ReportFeeds feeds) throws IOException {
        CappedList<ReportView.ReviewRow> list = new CappedList<>(maxRowsPerList);
        long[] order = {0};
        forEachAssessment(feeds.reviewFile(), a -> list.offer(() -> new ReportView.ReviewRow(data(a, order[0]++),
                patientLink(a), Val.of(code("pathway.", a.pathway())), flagLines(a.reviewFlags()))));
        return new ReportView.Review(controls("review-table", List.of("pathway", "flag")),
                list.finish(feeds.review(), text.get("review.empty"), "assessments.csv", text));
    }

    // ---- 5. rejected rows ----

    private ReportView.Rejects rejects(ReportFeeds feeds) throws IOException {
        CappedList<ReportView.RejectRow> list = new CappedList<>(maxRowsPerList);
        jsonLines.forEach(feeds.rejectsFile(), node -> list.offer(() -> {
            RejectLine r = RejectLine.from(node);
            return new ReportView.RejectRow(Val.of(value(r.sourceFile())), Val.of(value(r.line())),
                    Val.of(value(r.patientId())), r.reasonCode(), r.message());
        }));
        return new ReportView.Rejects(list.finish(feeds.rejects(), text.get("rejects.empty"), "rejects.csv", text));
    }

    // ---- 6. each person ----

    /** Each person, rendered as the feed is read: a person's view lives only while it is written. */
    private ReportView.People people(ReportFeeds feeds) {
        return new ReportView.People(output -> {
            CappedList<ReportView.Person> list = new CappedList<>(maxRowsPerList);
            try {
                forEachAssessment(feeds.peopleFile(), a -> {
                    if (list.admit()) {
                        Html.render("person.jte", Map.of("t", text, "a", person(a)), output);
                        output.writeContent("\n");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Html.render("capped.jte", list.finish(feeds.people(), text.get("people.empty"), text.get("people.rest"), text),
                    output);
        });
    }

    private ReportView.Person person(AssessmentLine a) {
        List<Item> items = new ArrayList<>();
        items.add(new Item(text.get("person.source"), new Val(List.of(value(a.sourceFile()), value(a.sourceLine())), ":")));
        items.add(new Item(text.get("person.primarySite"), a.primarySite() == null ? Val.of(value(null))
                : recordedValues("primary_site", a.primarySite())));
        items.add(new Item(text.get("person.pathway"), Val.of(code("pathway.", a.pathway()))));
        items.add(new Item(text.get("person.extent"), Val.of(code("extent.", a.extent()))));
        items.add(new Item(text.get("person.goal"), Val.of(code("goal.", a.treatmentGoal()))));
        String trialRule = a.trialRule() == null ? text.get("value.notRecorded") : a.trialRule();
        items.add(new Item(text.get("person.trial"), Val.text(a.trialDiscussion()
                ? text.get("person.trialYes", a.trialPriority() == null ? text.get("value.notRecorded")
                        : name("priority.", a.trialPriority()), trialRule)
                : text.get("person.trialNo", trialRule))));
        items.add(new Item(text.get("person.age"), Val.of(value(a.ageAtRecurrence()))));
        items.add(new Item(text.get("person.province"), Val.of(value(a.province()))));
        String basis = pathwayBasis(a);
        // the row of rules.md section 5, named as the pathway rule is
        ReportView.Basis trialWhy = a.trialRule() != null && text.has("trialRule." + a.trialRule())
                ? new ReportView.Basis(a.trialRule(), text.get("trialRule." + a.trialRule())) : null;
        List<Item> facts = new ArrayList<>();
        for (String key : FACT_ORDER) {
            if (a.facts().containsKey(key)) {
                facts.add(new Item(text.get("fact." + key), recordedValues(key, a.facts().get(key))));
            }
        }
        for (Map.Entry<String, String> fact : a.facts().entrySet()) {
            if (!FACT_ORDER.contains(fact.getKey())) {
                facts.add(new Item(fact.getKey(), Val.of(fact(fact.getValue()))));
            }
        }
        List<ReportView.OptionRow> options = new ArrayList<>();
        for (AssessmentLine.Option o : a.options()) {
            // a rule the bundle knows is shown in the report's words; anything else as the job wrote it
            String rule = o.rule() == null ? "" : o.rule();
            String label = text.getOrDefault("option." + rule + ".label",
                    o.optionLabel() != null ? o.optionLabel() : o.optionCode());
            String regimens = text.getOrDefault("option." + rule + ".regimens", o.regimens());
            // a surgical option's reason says "if surgery can remove it" where surgery_possible is unknown
            boolean surgeryUnknown = "unknown".equals(a.facts().get("surgery_possible"));
            String why = surgeryUnknown && text.has("option." + rule + ".basisIfSurgeryCan")
                    ? text.get("option." + rule + ".basisIfSurgeryCan")
                    : text.getOrDefault("option." + rule + ".basis", o.rationale());
            options.add(new ReportView.OptionRow(o.rule(), Val.of(value(label)), Val.of(cell(regimens)),
                    Val.of(codeCell("goal.", o.goal())), Val.of(value(guidelineSection(o.guidelineSection()))),
                    Val.of(cell(why))));
        }
        return new ReportView.Person(Html.personAnchor(a.patientId()), Val.of(value(a.patientId())), items,
                basis == null ? null : new ReportView.Basis(a.pathwayRule(), basis), trialWhy, facts,
                flagLines(a.reviewFlags()), a.options().isEmpty() ? whyNoOptions(a) : null,
                text.get("person.optionsCaption", nullToEmpty(a.patientId())), options,
                a.trials() != null && a.trialDiscussion() ? TrialHtml.personTrials(a, text) : null);
    }

    /**
     * Why the pathway: in English the job's own sentence, which names the sites; in another language the
     * rule's reason in general words, as the job's sentence is English.
     */
    private String pathwayBasis(AssessmentLine a) {
        String general = a.pathwayRule() == null ? null : text.getOrDefault("pathway.basis." + a.pathwayRule(), null);
        if (text.language().equals("en") || general == null) {
            return a.pathwayBasis() != null ? a.pathwayBasis() : general;
        }
        return general;
    }

    /** The guideline heading in the report's language when it is one of the guideline's sections. */
    private String guidelineSection(String heading) {
        for (GuidelineSection section : GuidelineSection.values()) {
            if (section.heading().equals(heading)) {
                return text.get("section." + section.name());
            }
        }
        return heading;
    }

    /** The plain-words reason a person has no options (rules.md, sections 1, 3 and 4), in one sentence. */
    String whyNoOptions(AssessmentLine a) {
        String pathway = a.pathway() == null ? "" : a.pathway();
        List<String> flags = a.reviewFlags();
        // a withheld-options flag says why first: it wins over every other reason (rules.md, section 4)
        for (ReviewFlag withheld : List.of(ReviewFlag.PRIMARY_NOT_INVASIVE, ReviewFlag.NON_SQUAMOUS_HISTOLOGY,
                ReviewFlag.IN_SITU_RECURRENCE)) {
            if (flags.contains(withheld.name()) && !pathway.equals("OUT_OF_SCOPE") && !pathway.equals("NOT_RECURRENT")) {
                return text.get("noOptions." + withheld.name());
            }
        }
        if ("P4b".equals(a.pathwayRule())) {
            return text.get("noOptions.PERSISTENT_DISEASE");
        }
        return switch (pathway) {
            case "OUT_OF_SCOPE", "NOT_RECURRENT", "UNDETERMINED" -> text.get("noOptions." + pathway);
            case "LOCAL_RECURRENCE" -> flags.contains(ReviewFlag.PRIOR_TREATMENT_MISSING.name())
                    ? text.get("noOptions.PRIOR_TREATMENT_MISSING")
                    : flags.contains(ReviewFlag.NO_STANDARD_OPTION.name())
                            ? text.get("noOptions.NO_STANDARD_OPTION")
                            : text.get("noOptions.other");
            default -> text.get("noOptions.other");
        };
    }

    // ---- shared pieces ----

    /** Reads a person feed: each line is the person's ordinal among all assessed people, a space, the JSON. */
    private void forEachAssessment(Path feed, AssessmentVisitor visitor) throws IOException {
        jsonLines.forEachWithOrdinal(feed, (ordinal, node) -> visitor.visit(AssessmentLine.from(ordinal, node)));
    }

    @FunctionalInterface
    private interface AssessmentVisitor {
        void visit(AssessmentLine assessment) throws IOException;
    }

    /** The patient id, linked to the person's entry when "Each person" shows it (the first maxRowsPerList people). */
    private ReportView.PersonLink patientLink(AssessmentLine a) {
        return new ReportView.PersonLink(a.ordinal() >= maxRowsPerList ? null : Html.personAnchor(a.patientId()),
                Val.of(value(a.patientId())));
    }

    private List<ReportView.FlagLine> flagLines(List<String> flags) {
        return flags.stream().map(flag -> new ReportView.FlagLine(flag, explanation(flag))).toList();
    }

    String explanation(String flag) {
        for (ReviewFlag known : ReviewFlag.values()) {
            if (known.name().equals(flag)) {
                return text.get("flag." + known.name());
            }
        }
        return text.get("flag.unknown");
    }

    /** The words for a code (pathway, priority, ...) in the report's language; a code it does not know as it is. */
    private String name(String prefix, String code) {
        return prefix.isEmpty() || code == null ? code : text.getOrDefault(prefix + code, code);
    }

    /** A code in running text: its words, with the code itself in the title for analysts. */
    private Txt code(String prefix, String code) {
        if (code == null) {
            return value(null);
        }
        String words = name(prefix, code);
        return words.equals(code) ? Txt.text(code) : Txt.words(words, code);
    }

    /** A code in a table cell, where "not recorded" would crowd the columns. */
    private Txt codeCell(String prefix, String code) {
        return code == null || code.isEmpty() ? cell(code) : code(prefix, code);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A value in running text: as it is, or "not recorded". */
    private Txt value(String value) {
        return value == null ? Txt.na(text.get("value.notRecorded")) : Txt.text(value);
    }

    /** A value in a table cell, where "not recorded" would crowd the columns. */
    private Txt cell(String value) {
        return value == null || value.isEmpty() ? Txt.dash(text.get("value.notRecorded")) : Txt.text(value);
    }

    /**
     * A recorded fact in the report's language: each known vocabulary term in its words (the term itself in
     * the title, for analysts), anything else (an unknown term, a date, a code) as recorded.
     */
    private Val recordedValues(String fact, String value) {
        if (value == null || value.isEmpty() || !TERM_FACTS.contains(fact)) {
            return Val.of(fact(value));
        }
        List<Txt> terms = new ArrayList<>();
        for (String term : value.split(", ")) {
            String words = text.getOrDefault("term." + fact + "." + term, term);
            terms.add(words.equals(term) ? Txt.text(term) : Txt.words(words, term));
        }
        return new Val(terms, ", ");
    }

    /** A fact: null is "not recorded", an empty list "none". */
    private Txt fact(String value) {
        if (value == null) {
            return value(null);
        }
        return value.isEmpty() ? Txt.text(text.get("value.noneFact")) : Txt.text(value);
    }

    private Val joined(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Val.of(Txt.na(text.get("value.none")));
        }
        return Val.text(String.join(", ", values));
    }

    private Val codes(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Val.of(Txt.na(text.get("value.none")));
        }
        return new Val(values.stream().map(Txt::code).toList(), " ");
    }

    private Val number(Long n) {
        return Val.of(n == null ? value(null) : Txt.text(text.number(n)));
    }

    private Txt time(Instant instant) {
        return instant == null ? value(null) : Txt.text(TIME.format(instant));
    }

    private String duration(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        return seconds >= 60 ? text.get("duration.minutes", String.valueOf(seconds / 60), String.valueOf(seconds % 60))
                : text.get("duration.seconds", String.valueOf(seconds));
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Base64(String value) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
