package ca.trialpath.report;

import ca.trialpath.output.csv.SpreadsheetSafe;
import ca.trialpath.screening.PairFacts;
import ca.trialpath.screening.PairKey;
import ca.trialpath.screening.ScreeningMemory;
import ca.trialpath.screening.ScreeningNight;
import ca.trialpath.screening.TonightsMatch;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Tonight's screening pairs made from the run's published {@code trial_matches.csv} and {@code assessments.csv},
 * with no memory of earlier nights and no coordinator's file: every pair is {@code NEW}, first seen tonight. It
 * gives the page a real worklist until the job keeps the screening log across nights (screening.md, "Plugging
 * in"), which then passes its own {@link ScreeningNight}.
 *
 * <p>A pair's verdicts follow from the row: the failed criterion FAILED, those to verify UNKNOWN, every other MET
 * (a match or near miss has no other verdict). The recurrence date is not in these files: the worklist's last
 * tie-break falls to patient id and NCT id.
 */
public final class PublishedNight {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private PublishedNight() {
    }

    /** @param folder the run's folder of published files; a night without pairs when it has no trial_matches.csv */
    public static ScreeningNight of(Path folder, TrialReport trials, LocalDate runDate) throws IOException {
        Path matches = folder.resolve("trial_matches.csv");
        if (!Files.isRegularFile(matches) || trials == null || !trials.matching()) {
            return HtmlReport.NO_SCREENING;
        }
        Map<String, String> titles = new HashMap<>();
        for (TrialReport.Section section : trials.sections()) {
            titles.put(section.nctId(), section.briefTitle());
        }
        Map<String, String[]> people = new HashMap<>(); // patient id as written: pathway, options
        // two passes over the matches, so that no row is held: the people first, then their pairs
        try (Reader reader = Files.newBufferedReader(matches, StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(reader)) {
            for (CSVRecord row : parser) {
                people.put(row.get("patient_id"), null);
            }
        }
        if (people.isEmpty()) {
            return HtmlReport.NO_SCREENING;
        }
        Path assessments = folder.resolve("assessments.csv");
        if (Files.isRegularFile(assessments)) {
            try (Reader reader = Files.newBufferedReader(assessments, StandardCharsets.UTF_8);
                    CSVParser parser = FORMAT.parse(reader)) {
                for (CSVRecord row : parser) {
                    if (people.containsKey(row.get("patient_id"))) {
                        people.put(row.get("patient_id"), new String[] {row.get("pathway"), row.get("options")});
                    }
                }
            }
        }
        List<TonightsMatch> tonight = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(matches, StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(reader)) {
            for (CSVRecord row : parser) {
                tonight.add(match(row, titles, people));
            }
        }
        return ScreeningMemory.tonight(runDate, List.of(), tonight, Map.of());
    }

    /** One row of trial_matches.csv as tonight's match; {@code people}: pathway and options per id as written. */
    private static TonightsMatch match(CSVRecord row, Map<String, String> titles, Map<String, String[]> people) {
        String nct = row.get("nct_id");
        TrialMatch.Result result = TrialMatch.Result.valueOf(row.get("result"));
        Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            verdicts.put(criterion, Verdict.MET);
        }
        List<Criterion> toVerify = criteria(row.get("to_verify"));
        toVerify.forEach(criterion -> verdicts.put(criterion, Verdict.UNKNOWN));
        criteria(row.get("failed_criterion")).forEach(criterion -> verdicts.put(criterion, Verdict.FAILED));
        String[] person = people.get(row.get("patient_id"));
        List<String> options = person == null || person[1].isEmpty() ? List.of() : Arrays.asList(person[1].split(";"));
        return new TonightsMatch(new PairKey(unquoted(row.get("patient_id")), nct), titles.get(nct),
                new PairFacts(result, person == null ? "" : person[0], options, verdicts, ""), toVerify,
                Integer.parseInt(row.get("sites_in_province")) > 0, null);
    }

    private static List<Criterion> criteria(String cell) {
        List<Criterion> criteria = new ArrayList<>();
        for (String name : cell.isEmpty() ? new String[0] : cell.split(";")) {
            criteria.add(Criterion.valueOf(name));
        }
        return criteria;
    }

    /** The id as the person's other files have it: the spreadsheet quote off. */
    private static String unquoted(String written) {
        return written.length() > 1 && written.charAt(0) == '\'' && SpreadsheetSafe.cell(written.substring(1))
                .equals(written) ? written.substring(1) : written;
    }
}
