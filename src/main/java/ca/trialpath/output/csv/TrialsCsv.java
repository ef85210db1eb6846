package ca.trialpath.output.csv;

import ca.trialpath.trials.TrialCatalogue;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Owns {@code trials.csv}: one row per catalogue study (skipped entries excepted), in NCT id order, with what is
 * the same for everyone (title, status, phases, provinces, link, the curated note, its number of recruiting
 * Canadian sites, the verdicts of STATUS, CONDITION and LOCATION) and its counts. The per-person rows of
 * {@code trial_matches.csv} join it by {@code nct_id}.
 */
public final class TrialsCsv {

    /**
     * {@code link} and {@code last_update_posted} were appended in version 1 (issue 15), {@code note} in version 2,
     * the study's facts that {@code trial_matches.csv} repeated on each of its rows in version 3: the number of its
     * recruiting Canadian sites and the verdicts of the criteria that depend on the study alone.
     */
    public enum Column {
        NCT_ID, BRIEF_TITLE, STATUS, PHASES, OPEN_IN_CANADA, PROVINCES, CANDIDATES, NEAR_MISSES, LINK,
        LAST_UPDATE_POSTED, NOTE, SITES_IN_CANADA, STATUS_VERDICT, CONDITION_VERDICT, LOCATION_VERDICT
    }

    public static final String FILE = "trials.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);

    private TrialsCsv() {
    }

    /** A study's cells in column order, as they are (before the spreadsheet-safe apostrophe). */
    public static List<String> cells(TrialCatalogue.StudyRow study, long candidates, long nearMisses) {
        List<String> cells = new ArrayList<>(List.of(study.nctId(), nullToEmpty(study.briefTitle()),
                nullToEmpty(study.status()), String.join(";", study.phases()), Boolean.toString(study.openInCanada()),
                String.join(";", study.provinces()), Long.toString(candidates), Long.toString(nearMisses),
                nullToEmpty(study.link()), nullToEmpty(study.lastUpdatePosted()), nullToEmpty(study.note()),
                Integer.toString(study.sites().size())));
        // STATUS, CONDITION, LOCATION in Criterion order, the order of the columns
        study.studyVerdicts().values().forEach(verdict -> cells.add(verdict.name()));
        return cells;
    }

    /**
     * @param candidates per NCT id, people for whom the study is a MATCH
     * @param nearMisses per NCT id, people for whom it is a NEAR_MISS
     */
    public static void write(Path target, List<TrialCatalogue.StudyRow> studies, ToLongFunction<String> candidates,
            ToLongFunction<String> nearMisses) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CsvWriter csv = PublishedCsv.writer(out, Column.class, true)) {
            for (TrialCatalogue.StudyRow study : studies) {
                for (String cell : cells(study, candidates.applyAsLong(study.nctId()),
                        nearMisses.applyAsLong(study.nctId()))) {
                    PublishedCsv.cell(csv, cell);
                }
                csv.endRecord();
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
