package ca.trialpath.batch.publish;

import ca.trialpath.batch.assess.ScreeningFeed;
import ca.trialpath.screening.Decision;
import ca.trialpath.screening.PairKey;
import ca.trialpath.screening.RememberedPair;
import ca.trialpath.screening.ScreeningLog;
import ca.trialpath.screening.ScreeningMemory;
import ca.trialpath.screening.ScreeningNight;
import ca.trialpath.screening.ScreeningPair;
import ca.trialpath.screening.ScreeningStatus;
import ca.trialpath.screening.TonightsMatch;
import ca.trialpath.screening.WorklistGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish step's part in screening (docs/screening.md): last night's pairs from the run history, tonight's
 * pairs from the partitions' feeds and the coordinators' decisions make tonight's {@link ScreeningNight}, written as
 * {@code screening_log.csv}; what the history keeps of it is stored with the run, in the publish step's transaction
 * ({@link HistoryRecorder}).
 */
public class ScreeningPublication {

    public static final String FILE = "screening_log.csv";

    private static final Logger log = LoggerFactory.getLogger(ScreeningPublication.class);

    private final int maxPairs;

    /** @param maxPairs above this many pairs (tonight's and the remembered ones) the night keeps its memory as it was */
    public ScreeningPublication(int maxPairs) {
        this.maxPairs = maxPairs;
    }

    /**
     * What screening did tonight.
     *
     * @param night   tonight's pairs for the log and the page; {@code null} when the run wrote no log
     * @param memory  what the run history keeps for the next night; {@code null}: nothing (a de-identified run)
     * @param summary the {@code screening} object of summary.json
     */
    record Tonight(ScreeningNight night, List<RememberedPair> memory, Map<String, Object> summary) {
    }

    /**
     * @param previous   the pairs the last published run of the output folder kept (empty on the first night)
     * @param feeds      the partitions' feeds, in partition order; {@code null} when the run does no matching
     * @param pairs      tonight's MATCH and NEAR_MISS rows (the run's trial tally)
     * @param decisions  the coordinators' rows of {@code screening=}, empty without the file
     * @param publish    the staged {@code publish/} folder that gets {@code screening_log.csv}
     */
    Tonight publish(LocalDate runDate, boolean deidentified, List<RememberedPair> previous, List<Path> feeds,
            long pairs, Map<PairKey, Decision> decisions, boolean fileGiven, Path publish) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        if (deidentified) {
            summary.put("kept", false);
            summary.put("note", "a de-identified run keeps no screening log: it names people by patient id");
            // no feed was written either (TrialMatching): the page says the run keeps no worklist
            return new Tonight(null, null, summary);
        }
        summary.put("kept", true);
        summary.put("file_given", fileGiven);
        summary.put("file_rows", decisions.size());
        // a feed holds every pair of its partition up to max-pairs (ScreeningFeed); one written under a smaller
        // limit, by a run restarted with a larger one, holds fewer than were judged, and is not used
        List<TonightsMatch> matches = feeds == null || pairs + previous.size() > maxPairs ? null
                : ScreeningFeed.read(feeds);
        if (matches == null || matches.size() != pairs) {
            String why = feeds == null ? "no trials= catalogue: no pair was judged tonight"
                    : matches == null ? pairs + " pairs tonight and " + previous.size() + " remembered, more than"
                            + " trialpath.screening.max-pairs (" + maxPairs + ") allows"
                    : "the screening feeds hold " + matches.size() + " of tonight's " + pairs + " pairs (written"
                            + " under a smaller trialpath.screening.max-pairs)";
            log.warn("screening: {}; the statuses of the last run are kept as they were, no {} tonight{}", why, FILE,
                    decisions.isEmpty() ? "" : ", and the " + decisions.size() + " rows of screening= are not applied");
            summary.put("log_written", false);
            summary.put("note", why + "; the statuses of the last run are kept as they were");
            summary.put("pairs", previous.size());
            summary.put("by_status", counts(previous.stream().map(pair -> pair.decision().status()).toList()));
            return new Tonight(null, previous, summary);
        }
        ScreeningNight night = ScreeningMemory.tonight(runDate, previous, matches, decisions);
        ScreeningLog.write(publish.resolve(FILE), night.pairs());
        summary.put("log_written", true);
        summary.put("pairs", night.pairs().size());
        summary.put("still_matching", night.pairs().stream().filter(ScreeningPair::stillMatching).count());
        summary.put("on_worklist", night.worklist().size());
        summary.put("new_tonight", night.pairs().stream().filter(ScreeningPair::newTonight).count());
        summary.put("reopened", night.pairs().stream().filter(ScreeningPair::reopened).count());
        Map<String, Long> worklist = new LinkedHashMap<>();
        for (WorklistGroup group : WorklistGroup.values()) {
            if (group.onWorklist()) {
                worklist.put(group.name(), night.pairs().stream().filter(pair -> pair.group() == group).count());
            }
        }
        summary.put("worklist", worklist);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        night.countsByStatus().forEach((status, count) -> byStatus.put(status.name(), count));
        summary.put("by_status", byStatus);
        summary.put("older_than_history", night.olderThanHistory().size());
        log.info("{}: {} pairs, {} on the worklist, by status {}{}", FILE, night.pairs().size(),
                night.worklist().size(), byStatus, night.olderThanHistory().isEmpty() ? ""
                        : "; " + night.olderThanHistory().size() + " rows of screening= were older than the history"
                                + " and changed nothing");
        return new Tonight(night, night.memory(), summary);
    }

    /** Whether every feed is there (a run that stopped after its folder was published may have lost them). */
    static boolean allThere(List<Path> feeds) {
        return feeds.stream().allMatch(Files::isRegularFile);
    }

    private static Map<String, Long> counts(List<ScreeningStatus> statuses) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ScreeningStatus status : ScreeningStatus.values()) {
            counts.put(status.name(), 0L);
        }
        statuses.forEach(status -> counts.merge(status.name(), 1L, Long::sum));
        return counts;
    }
}
