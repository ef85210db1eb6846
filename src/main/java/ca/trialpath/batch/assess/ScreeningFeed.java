package ca.trialpath.batch.assess;

import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.output.csv.CsvWriter;
import ca.trialpath.screening.PairFacts;
import ca.trialpath.screening.PairKey;
import ca.trialpath.screening.TonightsMatch;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialCriteria;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Tonight's (person, trial) pairs as the chunk step matched them, for the screening log: one CSV row per MATCH or
 * NEAR_MISS in the partition's staging {@code internal/} folder, with what {@link TonightsMatch} needs (the facts that
 * reopen a decision, what the worklist ranks by, the person's province for the page's nearest site). Staged like the other files: its length at each commit is kept in
 * the step's execution context and a restart cuts it back to it. Only the job reads it; it is never published.
 */
public final class ScreeningFeed {

    public static final String FILE = "screening.feed";
    /** The execution-context key of the feed's length at the last commit. */
    static final String LENGTH = "screening.feed.length";
    /** The execution-context key of the pairs written to the feed by the last commit. */
    static final String PAIRS = "screening.feed.pairs";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final Path file;
    private final int maxPairs;
    private final Map<String, String> criteriaVersions = new HashMap<>();
    private StagedFile staged;
    private CsvWriter feed;
    private long length;
    private long pairs;

    /** @param internal the partition's staging {@code internal/} folder */
    public ScreeningFeed(Path internal) {
        this(internal, Integer.MAX_VALUE);
    }

    /**
     * @param internal the partition's staging {@code internal/} folder
     * @param maxPairs {@code trialpath.screening.max-pairs}: a partition with more pairs than that makes a night whose
     *     screening keeps last night's statuses (ScreeningPublication), so its feed would never be read, and the
     *     pairs past it are not written (at 1,000,000 people, 6.7 million rows, a third of the assessment's time)
     */
    public ScreeningFeed(Path internal, int maxPairs) {
        this.file = internal.resolve(FILE);
        this.maxPairs = maxPairs;
    }

    void open(ExecutionContext context) throws IOException {
        Files.createDirectories(file.getParent());
        staged = context.containsKey(LENGTH) ? StagedFile.resume(file, context.getLong(LENGTH)) : StagedFile.create(file);
        feed = new CsvWriter(staged.writer());
        length = staged.flush();
        pairs = context.containsKey(PAIRS) ? context.getLong(PAIRS) : 0;
    }

    /** One person's pairs; {@code province}: the person's province code, {@code null} or empty for none. */
    void write(String patientId, String province, Assessment assessment, LocalDate recurrenceDate,
            List<TrialMatch> trials) throws IOException {
        if (trials == null || trials.isEmpty()) {
            return;
        }
        pairs += trials.size();
        if (pairs > maxPairs) {
            return; // the night is over the limit already: nobody reads this feed (its row count says it is cut)
        }
        String options = assessment.options().stream().map(TreatmentOption::code).collect(Collectors.joining(";"));
        for (TrialMatch match : trials) {
            feed.record(patientId, match.nctId(), match.study().briefTitle(), match.result().name(),
                    assessment.pathway().name(), options, verdicts(match.verdicts()),
                    match.toVerify().stream().map(Criterion::name).collect(Collectors.joining(";")),
                    Boolean.toString(match.sitesInProvince() > 0),
                    recurrenceDate == null ? "" : recurrenceDate.toString(),
                    criteriaVersions.computeIfAbsent(match.nctId(), id -> criteriaVersion(match.criteria())),
                    province == null ? "" : province);
        }
    }

    /** Before each commit: what is written goes to the operating system, and its length into the context. */
    void update(ExecutionContext context) throws IOException {
        if (staged != null) {
            length = staged.flush();
            context.putLong(LENGTH, length);
            context.putLong(PAIRS, pairs);
        }
    }

    void close() throws IOException {
        if (staged != null) {
            staged.close();
            staged = null;
        }
    }

    /** The pairs of the feeds, in partition order. */
    public static List<TonightsMatch> read(List<Path> feeds) throws IOException {
        List<TonightsMatch> matches = new ArrayList<>();
        for (Path feed : feeds) {
            if (!Files.exists(feed)) {
                continue; // a partition without anyone matched (or a run staged before the feed existed)
            }
            try (Reader in = Files.newBufferedReader(feed, StandardCharsets.UTF_8);
                    CSVParser parser = FORMAT.parse(in)) {
                for (CSVRecord row : parser) {
                    TrialMatch.Result result = TrialMatch.Result.valueOf(row.get(3));
                    PairFacts facts = new PairFacts(result, row.get(4), list(row.get(5)), verdicts(row.get(6)),
                            row.get(10));
                    List<Criterion> toVerify = list(row.get(7)).stream().map(Criterion::valueOf).toList();
                    // the province was appended; a feed staged by an earlier TrialPath has none
                    matches.add(new TonightsMatch(new PairKey(row.get(0), row.get(1)), row.get(2), facts, toVerify,
                            Boolean.parseBoolean(row.get(8)), row.get(9).isEmpty() ? null : LocalDate.parse(row.get(9)),
                            row.size() > 11 ? row.get(11) : ""));
                }
            }
        }
        return matches;
    }

    /**
     * A version of the trial's curated criteria as read (docs/screening.md, "Reopened"): the SHA-256 of their values
     * in a fixed order, so that any change of a condition the coordinators curated is a change of the pair's facts
     * (the note, shown and never judged, is not a condition); {@code ""} for a study nobody curated.
     */
    static String criteriaVersion(TrialCriteria criteria) {
        if (criteria == null || criteria.equals(TrialCriteria.NONE)) {
            return "";
        }
        String text = "pathways=" + sorted(criteria.pathways().stream().map(Enum::name).toList())
                + "\nhistology=" + String.join(";", criteria.histology())
                + "\necogMax=" + criteria.ecogMax()
                + "\npriorRequired=" + sorted(criteria.priorTreatmentsRequired().stream().map(PriorTreatment::name).toList())
                + "\npriorExcluded=" + sorted(criteria.priorTreatmentsExcluded().stream().map(PriorTreatment::name).toList())
                + "\nsurgeryPossible=" + criteria.surgeryPossible()
                + "\nconditionMatch=" + criteria.conditionMatch();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static String sorted(List<String> names) {
        return names.stream().sorted().collect(Collectors.joining(";"));
    }

    static String verdicts(Map<Criterion, Verdict> verdicts) {
        return verdicts.entrySet().stream().map(entry -> entry.getKey().name() + "=" + entry.getValue().name())
                .collect(Collectors.joining(";"));
    }

    private static Map<Criterion, Verdict> verdicts(String text) {
        Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
        for (String part : list(text)) {
            int equals = part.indexOf('=');
            verdicts.put(Criterion.valueOf(part.substring(0, equals)), Verdict.valueOf(part.substring(equals + 1)));
        }
        return verdicts;
    }

    private static List<String> list(String cell) {
        return cell.isEmpty() ? List.of() : Arrays.asList(cell.split(";"));
    }
}
