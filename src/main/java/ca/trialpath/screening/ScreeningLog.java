package ca.trialpath.screening;

import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.CsvRecordReader;
import ca.trialpath.output.csv.CsvWriter;
import ca.trialpath.trials.Criterion;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code screening_log.csv}, the file coordinators edit in a spreadsheet and give back with {@code screening=}:
 * its columns, writing it (RFC 4180, {@code \n}, header, spreadsheet-safe) and reading it back, every cell checked,
 * so that a round trip through it changes nothing (screening.md, "Input" and "Outputs").
 */
public final class ScreeningLog {

    public static final String PATIENT_ID = "patient_id";
    public static final String NCT_ID = "nct_id";
    public static final String STATUS = "status";
    public static final String STATUS_DATE = "status_date";
    public static final String REASON = "reason";
    public static final String REVISIT_DATE = "revisit_date";
    public static final String SCREENED_BY = "screened_by";
    public static final String NOTE = "note";

    /** The columns the product writes, in order (screening.md, "Outputs"). */
    public static final List<String> HEADER = List.of(PATIENT_ID, NCT_ID, "brief_title", "result", STATUS,
            STATUS_DATE, REASON, REVISIT_DATE, SCREENED_BY, NOTE, "first_seen", "still_matching", "reopened_because",
            "to_verify");

    /** The columns read back; the others the product writes (brief_title ...) are ignored, as are unknown ones. */
    static final List<String> INPUT_COLUMNS = List.of(PATIENT_ID, NCT_ID, STATUS, STATUS_DATE, REASON, REVISIT_DATE,
            SCREENED_BY, NOTE);
    static final List<String> REQUIRED_COLUMNS = List.of(PATIENT_ID, NCT_ID, STATUS, STATUS_DATE);

    static final int MAX_REASON = 500;
    static final int MAX_SCREENED_BY = 100;
    static final int MAX_NOTE = 2_000;

    private static final Pattern PATIENT_ID_FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern NCT_ID_FORMAT = Pattern.compile("NCT[0-9]{8}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private ScreeningLog() {
    }

    // ---- writing

    /** Writes the log of tonight's pairs, in their order, to {@code file} (UTF-8). */
    public static void write(Path file, List<ScreeningPair> pairs) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, pairs);
        }
    }

    /** Writes the log of tonight's pairs, in their order. */
    public static void write(Appendable out, List<ScreeningPair> pairs) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.record(HEADER);
        for (ScreeningPair pair : pairs) {
            Decision decision = pair.decision();
            csv.record(safe(pair.key().patientId()), safe(pair.key().nctId()),
                    safe(pair.memory().briefTitle()), pair.result() == null ? "" : pair.result().name(),
                    decision.status().name(), date(decision.statusDate()), safe(decision.reason()),
                    date(decision.revisitDate()), safe(decision.screenedBy()), safe(decision.note()),
                    date(pair.firstSeen()), Boolean.toString(pair.stillMatching()),
                    safe(String.join("; ", pair.reopenedBecause())),
                    pair.toVerify().stream().map(Criterion::name).collect(Collectors.joining(";")));
        }
        csv.flush();
    }

    private static String safe(String value) {
        return SpreadsheetQuote.write(value);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    // ---- reading

    /**
     * The coordinator's decisions, in file order, every cell checked first.
     *
     * @param runDate a status date after it is refused (screening.md: "not after the run date")
     * @throws ScreeningLogException with every problem found, when any cell or the header is wrong
     * @throws IOException           when the file cannot be read at all
     */
    public static Map<PairKey, Decision> read(Path file, LocalDate runDate) throws IOException, ScreeningLogException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(Files.newInputStream(file), utf8)) {
            return read(file.toString(), in, runDate);
        }
    }

    /** As {@link #read(Path, LocalDate)}, from text already open; {@code fileName} names it in messages. */
    public static Map<PairKey, Decision> read(String fileName, Reader in, LocalDate runDate)
            throws IOException, ScreeningLogException {
        LogReading reading = new LogReading(fileName, runDate);
        CsvRecordReader records = new CsvRecordReader(in);
        try {
            reading.readAll(records);
        } catch (CharacterCodingException e) {
            // the bytes themselves are not shown: they could be anything
            reading.problems.add(fileName + " line " + records.line() + ": is not UTF-8 text"
                    + " (save it from the spreadsheet as \"CSV UTF-8\")");
        }
        if (!reading.problems.isEmpty()) {
            throw new ScreeningLogException(reading.problems);
        }
        return reading.decisions;
    }

    /** One reading of one file: what it found so far. */
    private static final class LogReading {

        private final String file;
        private final LocalDate runDate;
        private final List<String> problems = new ArrayList<>();
        private final Map<PairKey, Decision> decisions = new LinkedHashMap<>();
        private final Map<PairKey, Long> lineOf = new HashMap<>();
        /** Cell index of each input column found in the header. */
        private final Map<String, Integer> columns = new HashMap<>();
        private int width;

        LogReading(String file, LocalDate runDate) {
            this.file = file;
            this.runDate = runDate;
        }

        void readAll(CsvRecordReader records) throws IOException {
            CsvRecord header = records.next();
            if (header == null) {
                problems.add(file + ": is empty; the first line must name the columns (" + String.join(", ",
                        REQUIRED_COLUMNS) + " at least)");
                return;
            }
            if (!header(header)) {
                return;
            }
            records.nameColumns(header.cells());
            for (CsvRecord record = records.next(); record != null; record = records.next()) {
                row(record);
            }
        }

        /** Finds the input columns; false when the rows cannot be read with this header. */
        private boolean header(CsvRecord header) {
            if (header.isMalformed()) {
                problems.add(file + " line " + header.line() + " (the header): " + header.malformed());
                return false;
            }
            width = header.cells().size();
            for (int i = 0; i < header.cells().size(); i++) {
                String name = header.cells().get(i).strip().toLowerCase(Locale.ROOT);
                if (!INPUT_COLUMNS.contains(name)) {
                    continue;
                }
                Integer earlier = columns.putIfAbsent(name, i);
                if (earlier != null) {
                    problems.add(file + " line " + header.line() + ": column '" + name + "' is given twice (cells "
                            + (earlier + 1) + " and " + (i + 1) + ")");
                }
            }
            for (String required : REQUIRED_COLUMNS) {
                if (!columns.containsKey(required)) {
                    // the header's cells are not shown: without a header, the first line is a row
                    problems.add(file + " line " + header.line() + ": no column '" + required + "' (required: "
                            + String.join(", ", REQUIRED_COLUMNS) + "; names in any case and order)");
                }
            }
            return problems.isEmpty();
        }

        private void row(CsvRecord record) {
            if (record.isMalformed()) {
                problems.add(file + " line " + record.line() + ": " + record.malformed());
                return;
            }
            List<String> cells = record.cells();
            if (cells.stream().allMatch(String::isBlank)) {
                // a row a spreadsheet left behind when its values were deleted
                return;
            }
            // strict, trailing empty cells included: a comma too many shifts every later cell into the wrong column
            if (cells.size() != width) {
                problems.add(file + " line " + record.line() + ": has " + cells.size() + " cells, the header "
                        + width + " (a comma too many or too few?)");
                return;
            }
            int before = problems.size();
            long line = record.line();
            String patientId = cell(cells, PATIENT_ID).strip();
            if (!PATIENT_ID_FORMAT.matcher(patientId).matches()) {
                invalid(line, PATIENT_ID, "is not 1-64 characters of A-Z a-z 0-9 . _ -", patientId);
            }
            String nctId = cell(cells, NCT_ID).strip();
            if (!NCT_ID_FORMAT.matcher(nctId).matches()) {
                invalid(line, NCT_ID, "is not NCT followed by 8 digits", nctId);
            }
            String statusText = cell(cells, STATUS);
            ScreeningStatus status = ScreeningStatus.parse(statusText).orElse(null);
            if (status == null) {
                invalid(line, STATUS, "is not one of " + List.of(ScreeningStatus.values()).stream()
                        .map(Enum::name).collect(Collectors.joining(", ")), statusText);
            }
            LocalDate statusDate = date(line, STATUS_DATE, cell(cells, STATUS_DATE));
            if (statusDate != null && statusDate.isAfter(runDate)) {
                invalid(line, STATUS_DATE, "is after the run date " + runDate, cell(cells, STATUS_DATE));
                statusDate = null;
            } else if (statusDate == null && cell(cells, STATUS_DATE).isBlank()) {
                invalid(line, STATUS_DATE, "is empty", "");
            }
            String reason = text(line, REASON, cells, MAX_REASON);
            LocalDate revisitDate = cell(cells, REVISIT_DATE).isBlank() ? null
                    : date(line, REVISIT_DATE, cell(cells, REVISIT_DATE));
            String screenedBy = text(line, SCREENED_BY, cells, MAX_SCREENED_BY);
            String note = text(line, NOTE, cells, MAX_NOTE);
            if (status != null && status.needsReason() && reason.isBlank()) {
                invalid(line, REASON, "is empty; " + status + " needs a reason (which criterion, what the person said)", reason);
            }
            if (status == ScreeningStatus.DEFERRED && cell(cells, REVISIT_DATE).isBlank()) {
                invalid(line, REVISIT_DATE, "is empty; DEFERRED needs the date to look again", "");
            }
            if (problems.size() > before) {
                return;
            }
            PairKey key = new PairKey(patientId, nctId);
            Long first = lineOf.putIfAbsent(key, line);
            if (first != null) {
                problems.add(file + " line " + line + ": the pair " + key + " is on line " + first
                        + " too; keep one row per pair");
                return;
            }
            decisions.put(key, new Decision(status, statusDate, reason, revisitDate, screenedBy, note));
        }

        /** The cell of an input column, without the spreadsheet-safety apostrophe; "" for a column not in the file. */
        private String cell(List<String> cells, String column) {
            Integer index = columns.get(column);
            return index == null ? "" : SpreadsheetQuote.read(cells.get(index));
        }

        private LocalDate date(long line, String column, String text) {
            try {
                return LocalDate.parse(text.strip(), DATE);
            } catch (DateTimeParseException e) {
                if (!text.isBlank()) {
                    invalid(line, column, "is not a date YYYY-MM-DD", text);
                }
                return null;
            }
        }

        /** Free text, which may say something about a person's health: a message gives its length, never its words. */
        private String text(long line, String column, List<String> cells, int max) {
            String text = cell(cells, column);
            if (text.length() > max) {
                problems.add(where(line, column) + ": is " + text.length() + " characters long, at most " + max);
            }
            return text;
        }

        private void invalid(long line, String column, String what, String value) {
            problems.add(where(line, column) + ": " + what + ": '" + CohortRowValidator.shorten(value) + "'");
        }

        private String where(long line, String column) {
            Integer index = columns.get(column);
            return file + " line " + line + ", column '" + column + "' ("
                    + (index == null ? "not in the file" : "cell " + (index + 1)) + ")";
        }
    }
}
