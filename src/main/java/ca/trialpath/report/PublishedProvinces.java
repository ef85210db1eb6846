package ca.trialpath.report;

import ca.trialpath.output.csv.SpreadsheetSafe;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The province of each person the page lists, read from the run's {@code assessments.csv} beside the page: the
 * nearest site of a pair is one in the person's province, and the screening pairs do not carry it. One pass over
 * the file keeps only the people asked for (at most the page's lists), so memory stays bounded.
 */
final class PublishedProvinces {

    private PublishedProvinces() {
    }

    /** @return patient id to province code; empty when the file is not there (a page written on its own) */
    static Map<String, String> of(Path assessmentsCsv, Set<String> people) throws IOException {
        Map<String, String> provinces = new HashMap<>();
        if (people.isEmpty() || !Files.isRegularFile(assessmentsCsv)) {
            return provinces;
        }
        // the ids as written: a formula-like id carries the spreadsheet quote in the file
        Map<String, String> written = new HashMap<>();
        for (String person : people) {
            written.put(SpreadsheetSafe.cell(person), person);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(assessmentsCsv, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            if (!parser.getHeaderMap().containsKey("patient_id") || !parser.getHeaderMap().containsKey("province")) {
                return provinces;
            }
            for (CSVRecord row : parser) {
                String person = written.get(row.get("patient_id"));
                String province = row.get("province");
                if (person != null && !province.isEmpty()) {
                    provinces.put(person, province);
                }
            }
        }
        return provinces;
    }
}
