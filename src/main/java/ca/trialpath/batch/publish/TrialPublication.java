package ca.trialpath.batch.publish;

import ca.trialpath.batch.assess.StagedOutputWriter;
import ca.trialpath.batch.assess.TrialTally;
import ca.trialpath.batch.inspect.TrialInspection;
import ca.trialpath.output.csv.PublishedCsv;
import ca.trialpath.output.csv.TrialSitesCsv;
import ca.trialpath.output.csv.TrialsCsv;
import ca.trialpath.report.RunFolders;
import ca.trialpath.report.TrialReport;
import ca.trialpath.trials.CatalogueFacts;
import ca.trialpath.trials.TrialCatalogue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * At publication: writes {@code trials.csv} with each study's candidates and near misses and {@code trial_sites.csv},
 * and gathers the per-trial lists of the page, at most {@code maxRowsPerTrial} people per study. The counts come from the
 * {@link TrialTally} the writer kept with its commits (exact after a restart, like the run's tally) and the
 * lists from its trial feed, so the whole {@code trial_matches.csv} is never read back.
 *
 * <p>A run may be assessed in parts (partitions), each staged in its own folder with its own tally: the
 * counts are added up and the lists taken in partition order, so the page shows the first people of the
 * cohort whatever the split.
 *
 * <p>What the page holds in memory while it is written is bounded by its cap, whatever the catalogue: the first
 * {@link #TRIALS_WITH_PEOPLE} trials someone could match (NCT id order) list up to {@code maxRowsPerTrial}
 * people each; any later trial gives its counts and points to {@code trial_matches.csv}, which has every row. A
 * real catalogue has a few dozen open anal cancer trials in Canada; one where all 22,507 studies are open to
 * everyone held 2.25 million people for the page.
 */
public final class TrialPublication {

    /** Trials whose section lists people; at most {@code TRIALS_WITH_PEOPLE * maxRowsPerTrial} people in all. */
    static final int TRIALS_WITH_PEOPLE = 100;


    private final Path trials;
    private final Path trialCriteria;
    private final LocalDate runDate;
    private final int maxRowsPerTrial;

    public TrialPublication(Path trials, Path trialCriteria, LocalDate runDate, int maxRowsPerTrial) {
        this.trials = trials;
        this.trialCriteria = trialCriteria;
        this.runDate = runDate;
        this.maxRowsPerTrial = maxRowsPerTrial;
    }

    /** One part of the assessed cohort: its staging folder and the trial tally of its last commit. */
    record Partition(RunFolders.Staging staging, TrialTally tally) {
    }

    /**
     * @param target           the staging folder whose {@code publish/} gets {@code trials.csv}
     * @param partitions       the parts of the run in cohort order (one for a run assessed in one piece)
     * @param peopleConsidered people flagged for a trial discussion (the run's tally)
     */
    TrialReport publish(RunFolders.Staging target, List<Partition> partitions, CatalogueFacts facts,
            long peopleConsidered) throws IOException {
        Path trialsCsv = target.publish().resolve(TrialsCsv.FILE);
        Path sitesCsv = target.publish().resolve(TrialSitesCsv.FILE);
        if (trials == null) {
            TrialsCsv.write(trialsCsv, List.of(), nctId -> 0, nctId -> 0);
            TrialSitesCsv.write(sitesCsv, List.of());
            return TrialReport.NO_MATCHING;
        }
        TrialTally tally = TrialTally.merge(partitions.stream().map(Partition::tally).toList());
        TrialCatalogue catalogue = TrialInspection.readUnchanged(trials, trialCriteria, runDate, facts);
        Set<String> listed = catalogue.rows().stream().filter(TrialCatalogue.StudyRow::matchable)
                .map(TrialCatalogue.StudyRow::nctId).limit(TRIALS_WITH_PEOPLE)
                .collect(java.util.stream.Collectors.toSet());
        Map<String, List<TrialReport.Person>> shown = shown(partitions.stream()
                .map(partition -> partition.staging().internal().resolve(StagedOutputWriter.TRIAL_FEED)).toList(),
                maxRowsPerTrial, listed::contains);
        TrialsCsv.write(trialsCsv, catalogue.rows(), tally::candidates, tally::nearMisses);
        TrialSitesCsv.write(sitesCsv, catalogue.rows());
        List<TrialReport.Section> sections = new ArrayList<>();
        for (TrialCatalogue.StudyRow study : catalogue.rows()) {
            if (!study.matchable()) {
                continue;
            }
            sections.add(TrialReport.Section.of(study, tally.candidates(study.nctId()), tally.nearMisses(study.nctId()),
                    shown.getOrDefault(study.nctId(), List.of())));
        }
        return new TrialReport(facts, peopleConsidered, tally.peopleWithMatch(), tally.peopleWithNearMissOnly(),
                tally.matches(), tally.nearMisses(), sections);
    }

    /** Each study's first {@code maxRowsPerTrial} people from the trial feeds, read in partition order. */
    static Map<String, List<TrialReport.Person>> shown(List<Path> feeds, int maxRowsPerTrial) throws IOException {
        return shown(feeds, maxRowsPerTrial, nctId -> true);
    }

    /** As {@link #shown(List, int)}, for the studies {@code listed} only: the others are not kept at all. */
    static Map<String, List<TrialReport.Person>> shown(List<Path> feeds, int maxRowsPerTrial,
            java.util.function.Predicate<String> listed) throws IOException {
        Map<String, List<TrialReport.Person>> shown = new HashMap<>();
        for (Path feed : feeds) {
            try (Reader reader = Files.newBufferedReader(feed, StandardCharsets.UTF_8);
                    CSVParser parser = PublishedCsv.FORMAT.parse(reader)) {
                for (CSVRecord row : parser) {
                    if (!listed.test(row.get(0))) {
                        continue;
                    }
                    List<TrialReport.Person> study = shown.computeIfAbsent(row.get(0), id -> new ArrayList<>());
                    if (study.size() < maxRowsPerTrial) {
                        study.add(new TrialReport.Person(row.get(1), row.get(2), emptyToNull(row.get(3)),
                                list(row.get(4)), Integer.parseInt(row.get(5)), list(row.get(6))));
                    }
                }
            }
        }
        return shown;
    }

    private static List<String> list(String cell) {
        return cell == null || cell.isEmpty() ? List.of() : Arrays.asList(cell.split(";"));
    }

    private static String emptyToNull(String cell) {
        return cell == null || cell.isEmpty() ? null : cell;
    }
}
