package ca.trialpath.job;

import ca.trialpath.report.PublishedColumns;
import ca.trialpath.report.RunFolders;
import ca.trialpath.report.SpreadsheetSafe;
import ca.trialpath.report.TrialReport;
import ca.trialpath.report.TrialRows;
import ca.trialpath.trials.CatalogueFacts;
import ca.trialpath.trials.TrialCatalogue;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * At publication: counts each study's candidates and near misses from the staged {@code trial_matches.csv}
 * (so the counts hold after a restart, like the read = assessed + rejected check), writes {@code trials.csv},
 * and gathers the per-trial lists of the page, at most {@code maxRowsPerTrial} people per study.
 */
final class TrialPublication {

    private static final CSVFormat STAGED_CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final Path trials;
    private final Path trialCriteria;
    private final LocalDate runDate;
    private final int maxRowsPerTrial;

    TrialPublication(Path trials, Path trialCriteria, LocalDate runDate, int maxRowsPerTrial) {
        this.trials = trials;
        this.trialCriteria = trialCriteria;
        this.runDate = runDate;
        this.maxRowsPerTrial = maxRowsPerTrial;
    }

    private static final class Counts {
        long candidates;
        long nearMisses;
        final List<TrialReport.Person> shown = new ArrayList<>();
    }

    /** @param peopleConsidered people flagged for a trial discussion (the run's tally) */
    TrialReport publish(RunFolders.Staging staging, CatalogueFacts facts, long peopleConsidered) throws IOException {
        Path trialsCsv = staging.publish().resolve("trials.csv");
        if (trials == null) {
            writeTrials(trialsCsv, List.of(), Map.of());
            return TrialReport.NO_MATCHING;
        }
        Map<String, Counts> counts = new HashMap<>();
        String lastPatient = null;
        boolean lastHasMatch = false;
        long withMatch = 0;
        long withNearMissOnly = 0;
        long matches = 0;
        long nearMisses = 0;
        try (Reader reader = Files.newBufferedReader(staging.publish().resolve(StagedOutputWriter.TRIAL_MATCHES),
                StandardCharsets.UTF_8); CSVParser parser = STAGED_CSV.parse(reader)) {
            for (CSVRecord row : parser) {
                String patient = row.get("patient_id");
                if (!patient.equals(lastPatient)) {
                    // a person's rows are together: count the one just finished
                    if (lastPatient != null) {
                        if (lastHasMatch) {
                            withMatch++;
                        } else {
                            withNearMissOnly++;
                        }
                    }
                    lastPatient = patient;
                    lastHasMatch = false;
                }
                Counts study = counts.computeIfAbsent(row.get("nct_id"), id -> new Counts());
                boolean match = row.get("result").equals("MATCH");
                if (match) {
                    study.candidates++;
                    matches++;
                    lastHasMatch = true;
                } else {
                    study.nearMisses++;
                    nearMisses++;
                }
                if (study.shown.size() < maxRowsPerTrial) {
                    study.shown.add(new TrialReport.Person(asWritten(patient), row.get("result"),
                            emptyToNull(row.get("failed_criterion")), list(row.get("to_verify")),
                            Integer.parseInt(row.get("sites_in_province")), list(asWritten(row.get("site_cities")))));
                }
            }
        }
        if (lastPatient != null) {
            if (lastHasMatch) {
                withMatch++;
            } else {
                withNearMissOnly++;
            }
        }
        TrialCatalogue catalogue = TrialInspection.readUnchanged(trials, trialCriteria, runDate, facts);
        writeTrials(trialsCsv, catalogue.rows(), counts);
        List<TrialReport.Section> sections = new ArrayList<>();
        for (TrialCatalogue.StudyRow study : catalogue.rows()) {
            if (!study.matchable()) {
                continue;
            }
            Counts c = counts.getOrDefault(study.nctId(), new Counts());
            sections.add(new TrialReport.Section(study.nctId(), study.briefTitle(), study.phases(), study.provinces(),
                    study.note(), c.candidates, c.nearMisses, c.shown));
        }
        return new TrialReport(facts, peopleConsidered, withMatch, withNearMissOnly, matches, nearMisses, sections);
    }

    private static void writeTrials(Path target, List<TrialCatalogue.StudyRow> studies, Map<String, Counts> counts)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSV)) {
            printer.printRecord(PublishedColumns.TRIALS);
            for (TrialCatalogue.StudyRow study : studies) {
                Counts c = counts.get(study.nctId());
                for (String cell : TrialRows.trialRow(study, c == null ? 0 : c.candidates, c == null ? 0 : c.nearMisses)) {
                    printer.print(SpreadsheetSafe.cell(cell));
                }
                printer.println();
            }
        }
    }

    /** A cell without the apostrophe the CSV file put before a leading {@code = + - @} (patient id, first city). */
    private static String asWritten(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && SpreadsheetSafe.cell(cell.substring(1)).equals(cell)
                ? cell.substring(1) : cell;
    }

    private static List<String> list(String cell) {
        return cell == null || cell.isEmpty() ? List.of() : Arrays.asList(cell.split(";"));
    }

    private static String emptyToNull(String cell) {
        return cell == null || cell.isEmpty() ? null : cell;
    }
}
