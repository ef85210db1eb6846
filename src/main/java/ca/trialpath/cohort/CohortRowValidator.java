package ca.trialpath.cohort;

import ca.trialpath.guideline.PrimarySite;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.RecurrenceType;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.Terms;
import ca.trialpath.guideline.TreatmentWish;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns one record of a cohort file into a {@link PatientRecord} or a {@link RejectedRow}, checking
 * every column of cohort-csv.md. Duplicate ids are a property of the whole run and are checked by the
 * caller. Checks run in the order of the reason codes: malformed, missing, invalid, dates; every
 * invalid cell of a row is named in one message so a data steward fixes them in one pass.
 */
public final class CohortRowValidator {

    // the value checks are written out rather than as regular expressions: every row of every file goes
    // through them twice (the index, then the assessment), and at ten million rows the matchers cost seconds

    /** {@code [A-Za-z0-9._-]{1,64}} */
    static final Predicate<String> PATIENT_ID = value -> {
        if (value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    };
    /** {@code \d{4}/[0-369]}: ICD-O-3 morphology and behaviour */
    static final Predicate<String> HISTOLOGY = value -> value.length() == 6 && isDigit(value.charAt(0))
            && isDigit(value.charAt(1)) && isDigit(value.charAt(2)) && isDigit(value.charAt(3)) && value.charAt(4) == '/'
            && "012369".indexOf(value.charAt(5)) >= 0;
    /** {@code [0-4]} */
    static final Predicate<String> ECOG = value -> value.length() == 1 && value.charAt(0) >= '0'
            && value.charAt(0) <= '4';
    private static final Set<String> SEXES = Set.of("F", "M", "X", "U");
    private static final Set<String> PROVINCES =
            Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");
    private static final int MAX_VALUE_IN_MESSAGE = 80;

    private final LocalDate runDate;
    private final boolean valuesInMessages;

    public CohortRowValidator(LocalDate runDate) {
        this(runDate, true);
    }

    /**
     * @param valuesInMessages {@code false} in a de-identified run: messages name the column and the rule
     *                         broken but not the value, which may be an id, a birth date or free text; the
     *                         data steward finds the value in the source by file and line
     */
    public CohortRowValidator(LocalDate runDate, boolean valuesInMessages) {
        this.runDate = runDate;
        this.valuesInMessages = valuesInMessages;
    }

    /** A valid row, or the reason it was rejected. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(PatientRecord record) implements Result {
    }

    public record Invalid(RejectedRow rejected) implements Result {
    }

    public Result validate(String file, CohortHeader header, CsvRecord csv) {
        List<String> cells = csv.cells();
        String patientId = header.cell(cells, CohortColumn.PATIENT_ID);
        String reportedId = patientId.isEmpty() ? null : shorten(patientId);
        if (csv.isMalformed()) {
            return reject(file, csv.line(), reportedId, ReasonCode.MALFORMED_RECORD, csv.malformed());
        }
        if (cells.size() > header.width()) {
            return reject(file, csv.line(), reportedId, ReasonCode.MALFORMED_RECORD,
                    "the record has " + cells.size() + " cells but the header has " + header.width()
                            + " (an unquoted comma inside a cell?)");
        }
        String primarySite = header.cell(cells, CohortColumn.PRIMARY_SITE);
        if (patientId.isEmpty() || primarySite.isEmpty()) {
            String column = patientId.isEmpty() ? "patient_id" : "primary_site";
            return reject(file, csv.line(), reportedId, ReasonCode.MISSING_REQUIRED,
                    "column '" + column + "' is empty but required");
        }

        Cells row = new Cells(header, cells, valuesInMessages);
        if (!PATIENT_ID.test(patientId)) {
            row.invalid(CohortColumn.PATIENT_ID, patientId, "is not 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        LocalDate birthDate = row.date(CohortColumn.BIRTH_DATE);
        String sex = row.oneOf(CohortColumn.SEX, SEXES);
        String province = row.oneOf(CohortColumn.PROVINCE, PROVINCES);
        Optional<PrimarySite.Scope> scope = PrimarySite.scopeOf(primarySite);
        if (scope.isEmpty()) {
            row.invalid(CohortColumn.PRIMARY_SITE, primarySite,
                    "is neither a valid ICD-O-3 topography code (e.g. C21.1) nor one of anus, anal_canal, perianal_skin, anal_margin");
        }
        String histology = row.matching(CohortColumn.HISTOLOGY, HISTOLOGY, "is not ICD-O-3 morphology NNNN/B (e.g. 8070/3)");
        LocalDate recurrenceDate = row.date(CohortColumn.RECURRENCE_DATE);
        String typeCode = row.get(CohortColumn.RECURRENCE_TYPE);
        RecurrenceType recurrenceType = null;
        if (!typeCode.isEmpty()) {
            recurrenceType = RecurrenceType.ofCode(typeCode).orElse(null);
            if (recurrenceType == null) {
                row.invalid(CohortColumn.RECURRENCE_TYPE, typeCode,
                        "is not an accepted NAACCR item 1880 code (two digits: 00, 04, 06, 10, 13-17, 20-22, 25-27, 30, 36, 40, 46, 51-60, 62, 70, 88, 99)");
            }
        }
        List<String> sites = row.list(CohortColumn.RECURRENCE_SITES);
        List<PriorTreatment> prior = row.terms(CohortColumn.PRIOR_TREATMENTS, PriorTreatment::ofTerm,
                "surgery, chemoradiation, radiation, chemotherapy");
        SurgeryPossible surgery = row.term(CohortColumn.SURGERY_POSSIBLE, SurgeryPossible::ofTerm,
                "yes, no, unknown", SurgeryPossible.UNKNOWN);
        List<String> symptoms = row.list(CohortColumn.SYMPTOMS);
        String ecogText = row.matching(CohortColumn.ECOG, ECOG, "is not an ECOG performance status 0-4");
        TreatmentWish wish = row.term(CohortColumn.TREATMENT_WISH, TreatmentWish::ofTerm,
                "wants_treatment, declines_treatment, unable_to_have_treatment", TreatmentWish.WANTS_TREATMENT);

        if (!row.problems.isEmpty()) {
            return reject(file, csv.line(), reportedId, ReasonCode.INVALID_VALUE, String.join("; ", row.problems));
        }
        String dates = inconsistentDates(birthDate, recurrenceDate);
        if (dates != null) {
            return reject(file, csv.line(), patientId, ReasonCode.INCONSISTENT_DATES, dates);
        }
        return new Valid(new PatientRecord(patientId, file, csv.line(), birthDate, sex, province,
                PrimarySite.canonical(primarySite), scope.orElseThrow(), histology, recurrenceDate,
                recurrenceType == null ? null : typeCode, recurrenceType, sites, prior, surgery, symptoms,
                ecogText == null ? null : Integer.valueOf(ecogText), wish));
    }

    private String inconsistentDates(LocalDate birthDate, LocalDate recurrenceDate) {
        if (recurrenceDate != null && recurrenceDate.isAfter(runDate)) {
            return "column 'recurrence_date': " + shown(recurrenceDate.toString(), valuesInMessages)
                    + " is after the run date " + runDate;
        }
        if (recurrenceDate != null && birthDate != null && recurrenceDate.isBefore(birthDate)) {
            return valuesInMessages
                    ? "column 'recurrence_date': '" + recurrenceDate + "' is before birth_date '" + birthDate + "'"
                    : "column 'recurrence_date': the value is before birth_date";
        }
        if (birthDate != null && birthDate.isAfter(runDate)) {
            return "column 'birth_date': " + shown(birthDate.toString(), valuesInMessages) + " is after the run date "
                    + runDate;
        }
        return null;
    }

    /** A value as a message quotes it, or "the value" when values are withheld. */
    private static String shown(String value, boolean valuesInMessages) {
        return valuesInMessages ? "'" + shorten(value) + "'" : "the value";
    }

    private static Invalid reject(String file, long line, String patientId, ReasonCode reason, String message) {
        return new Invalid(new RejectedRow(file, line, patientId, reason, message));
    }

    /**
     * A cell value as a message shows it: at most 80 characters, and control characters written as
     * {@code \\n}, {@code \\u0000}..., so a hostile cell cannot forge lines in a log or a cron mail.
     */
    public static String shorten(String value) {
        String shown = value.length() <= MAX_VALUE_IN_MESSAGE ? value : value.substring(0, MAX_VALUE_IN_MESSAGE) + "...";
        StringBuilder safe = null;
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (Character.isISOControl(c)) {
                if (safe == null) {
                    safe = new StringBuilder(shown.length() + 8).append(shown, 0, i);
                }
                safe.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                });
            } else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? shown : safe.toString();
    }

    /** The cells of one row, collecting what is wrong with them. */
    private static final class Cells {
        private final CohortHeader header;
        private final List<String> cells;
        private final boolean valuesInMessages;
        private final List<String> problems = new ArrayList<>();

        Cells(CohortHeader header, List<String> cells, boolean valuesInMessages) {
            this.header = header;
            this.cells = cells;
            this.valuesInMessages = valuesInMessages;
        }

        String get(CohortColumn column) {
            return header.cell(cells, column);
        }

        void invalid(CohortColumn column, String value, String why) {
            problems.add("column '" + column.header() + "': " + shown(value, valuesInMessages) + " " + why);
        }

        LocalDate date(CohortColumn column) {
            String value = get(column);
            if (value.isEmpty()) {
                return null;
            }
            if (isIsoDate(value)) {
                try {
                    return LocalDate.of(Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 5, 7, 10),
                            Integer.parseInt(value, 8, 10, 10));
                } catch (DateTimeException notACalendarDate) {
                    invalid(column, value, "is not a real calendar date");
                    return null;
                }
            }
            invalid(column, value, "is not an ISO date YYYY-MM-DD");
            return null;
        }

        String oneOf(CohortColumn column, Set<String> allowed) {
            String value = get(column);
            if (value.isEmpty()) {
                return null;
            }
            String code = value.toUpperCase(Locale.ROOT);
            if (!allowed.contains(code)) {
                invalid(column, value, "is not one of " + String.join(", ", allowed.stream().sorted().toList()));
                return null;
            }
            return code;
        }

        String matching(CohortColumn column, Predicate<String> pattern, String why) {
            String value = get(column);
            if (value.isEmpty()) {
                return null;
            }
            if (!pattern.test(value)) {
                invalid(column, value, why);
                return null;
            }
            return value;
        }

        <T> T term(CohortColumn column, Function<String, Optional<T>> lookup, String allowed, T whenEmpty) {
            String value = get(column);
            if (value.isEmpty()) {
                return whenEmpty;
            }
            Optional<T> term = lookup.apply(value);
            if (term.isEmpty()) {
                invalid(column, value, "is not one of " + allowed);
                return whenEmpty;
            }
            return term.get();
        }

        /** A ;-list of normalised terms: spaces around items, empty items and duplicates ignored. */
        List<String> list(CohortColumn column) {
            String value = get(column);
            if (value.isEmpty()) {
                return List.of();
            }
            Set<String> items = new LinkedHashSet<>();
            for (String item : value.split(";")) {
                String term = Terms.normalize(item);
                if (!term.isEmpty()) {
                    items.add(term);
                }
            }
            return List.copyOf(items);
        }

        /** A ;-list of vocabulary terms; an unknown one is named as it was typed, so it can be found. */
        <T> List<T> terms(CohortColumn column, Function<String, Optional<T>> lookup, String allowed) {
            String value = get(column);
            Set<T> items = new LinkedHashSet<>();
            for (String item : value.split(";")) {
                if (item.isBlank()) {
                    continue;
                }
                Optional<T> term = lookup.apply(item);
                if (term.isEmpty()) {
                    invalid(column, item.strip(), "is not one of " + allowed);
                } else {
                    items.add(term.get());
                }
            }
            return List.copyOf(items);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \d{4}-\d{2}-\d{2}} */
    static boolean isIsoDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return false;
        }
        for (int i : new int[] { 0, 1, 2, 3, 5, 6, 8, 9 }) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
