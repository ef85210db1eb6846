package ca.trialpath.naaccr;

import ca.trialpath.cohort.CohortColumn;
import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.RecurrenceType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps one NAACCR patient to the cohort row of naaccr.md, version 1: picks the anal tumour, turns the items into
 * cohort-csv.md values, and rejects the patient when an item read has a value not valid for it. The row it gives is a
 * {@link CsvRecord} under {@link #HEADER}, so {@link CohortRowValidator} checks it exactly as a row of a CSV file.
 */
public final class NaaccrMapping {

    /** Every cohort column, in the order of cohort-csv.md: the header of the rows this mapping gives. */
    public static final CohortHeader HEADER = CohortHeader.of("NAACCR XML",
            Arrays.stream(CohortColumn.values()).map(CohortColumn::header).toList());

    /** C21.0 anus, C21.1 anal canal, C21.2 cloacogenic zone, C21.8 overlapping lesion (naaccr.md). */
    static final Set<String> ANAL_SITES = Set.of("C210", "C211", "C212", "C218");
    /** Skin of the trunk: perianal skin only when the clinic's supplement says so. */
    static final String SKIN_OF_TRUNK = "C445";
    private static final Set<String> PROVINCES =
            Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");
    /** Item 1880 codes that say the tumour did not recur, or that it is not known whether it did. */
    private static final Set<String> NO_KNOWN_RECURRENCE = Set.of("00", "88", "99");

    private final boolean valuesInMessages;

    /** @param valuesInMessages as {@link CohortRowValidator}: {@code false} in a de-identified run */
    public NaaccrMapping(boolean valuesInMessages) {
        this.valuesInMessages = valuesInMessages;
    }

    /** What one patient maps to. */
    public sealed interface Mapped permits Row, Rejected, NotInScope {
    }

    /** The cohort row of the patient's anal tumour, for the validator. */
    public record Row(CsvRecord record, NaaccrNotes notes) implements Mapped {
    }

    public record Rejected(RejectedRow rejected) implements Mapped {
    }

    /**
     * No anal tumour: counted, not listed.
     *
     * @param perianalSkin the row of the patient's latest C44.5 tumour, or {@code null}: a supplement that says
     *                     {@code primary_site = perianal_skin} brings it into scope (the join is the job's)
     */
    public record NotInScope(String patientId, long line, CsvRecord perianalSkin) implements Mapped {
    }

    public Mapped map(NaaccrPatient patient) {
        Problems problems = new Problems(patient);
        List<Map<String, NaaccrItem>> anal = new ArrayList<>();
        List<Map<String, NaaccrItem>> skin = new ArrayList<>();
        for (Map<String, NaaccrItem> tumour : patient.tumours()) {
            NaaccrItem site = tumour.get(ReadItem.PRIMARY_SITE.id);
            if (site == null || site.value().isEmpty()) {
                // without its site a tumour may be the anal one: the patient cannot be left out unseen
                problems.missing(ReadItem.PRIMARY_SITE);
            } else if (!isTopography(site.value())) {
                problems.invalid(ReadItem.PRIMARY_SITE, site, "is not an ICD-O-3 topography code (C and three digits, e.g. C211)");
            } else if (ANAL_SITES.contains(site.value())) {
                anal.add(tumour);
            } else if (SKIN_OF_TRUNK.equals(site.value())) {
                skin.add(tumour);
            }
        }
        if (!problems.isEmpty()) {
            return problems.reject();
        }
        if (anal.isEmpty()) {
            CsvRecord perianal = null;
            if (!skin.isEmpty()) {
                Mapped row = row(patient, latest(skin), false, new Problems(patient));
                perianal = row instanceof Row r ? r.record() : null;
            }
            return new NotInScope(value(patient.items(), ReadItem.PATIENT_ID_NUMBER), patient.line(), perianal);
        }
        return row(patient, chosen(anal), anal.size() > 1, problems);
    }

    /** The anal tumour with a recurrence, else the one diagnosed last; in a tie the first in the file. */
    static Map<String, NaaccrItem> chosen(List<Map<String, NaaccrItem>> anal) {
        List<Map<String, NaaccrItem>> recurred = anal.stream().filter(t -> {
            String type = value(t, ReadItem.RECURRENCE_TYPE_1ST);
            return !type.isEmpty() && !NO_KNOWN_RECURRENCE.contains(type);
        }).toList();
        return latest(recurred.isEmpty() ? anal : recurred);
    }

    private static Map<String, NaaccrItem> latest(List<Map<String, NaaccrItem>> tumours) {
        Map<String, NaaccrItem> latest = tumours.get(0);
        for (Map<String, NaaccrItem> tumour : tumours.subList(1, tumours.size())) {
            if (sortableDate(value(tumour, ReadItem.DATE_OF_DIAGNOSIS))
                    .compareTo(sortableDate(value(latest, ReadItem.DATE_OF_DIAGNOSIS))) > 0) {
                latest = tumour;
            }
        }
        return latest;
    }

    /** A NAACCR date (YYYY, YYYYMM or YYYYMMDD) padded so that text order is time order; missing sorts first. */
    private static String sortableDate(String value) {
        return (value + "00000000").substring(0, 8);
    }

    private Mapped row(NaaccrPatient patient, Map<String, NaaccrItem> tumour, boolean several, Problems problems) {
        Map<String, NaaccrItem> items = patient.items();
        String[] cells = new String[CohortColumn.values().length];
        Arrays.fill(cells, "");
        cells[CohortColumn.PATIENT_ID.ordinal()] = value(items, ReadItem.PATIENT_ID_NUMBER);
        cells[CohortColumn.BIRTH_DATE.ordinal()] = date(items, ReadItem.DATE_OF_BIRTH, problems);
        cells[CohortColumn.SEX.ordinal()] = sex(items, problems);
        String state = value(tumour, ReadItem.ADDR_AT_DX_STATE);
        boolean provinceDropped = false;
        if (!state.isEmpty()) {
            if (state.length() != 2 || !Character.isLetter(state.charAt(0)) || !Character.isLetter(state.charAt(1))) {
                problems.invalid(ReadItem.ADDR_AT_DX_STATE, tumour.get(ReadItem.ADDR_AT_DX_STATE.id),
                        "is not a two-letter state, province or country code");
            } else if (PROVINCES.contains(state)) {
                cells[CohortColumn.PROVINCE.ordinal()] = state;
            } else {
                provinceDropped = true;
            }
        }
        String site = value(tumour, ReadItem.PRIMARY_SITE);
        cells[CohortColumn.PRIMARY_SITE.ordinal()] = site.substring(0, 3) + "." + site.substring(3);
        cells[CohortColumn.HISTOLOGY.ordinal()] = histology(tumour, problems);
        cells[CohortColumn.RECURRENCE_DATE.ordinal()] = date(tumour, ReadItem.RECURRENCE_DATE_1ST, problems);
        String type = value(tumour, ReadItem.RECURRENCE_TYPE_1ST);
        if (!type.isEmpty() && RecurrenceType.ofCode(type).isEmpty()) {
            problems.invalid(ReadItem.RECURRENCE_TYPE_1ST, tumour.get(ReadItem.RECURRENCE_TYPE_1ST.id),
                    "is not an accepted NAACCR item 1880 code (two digits: 00, 04, 06, 10, 13-17, 20-22, 25-27, 30, 36, 40, 46, 51-60, 62, 70, 88, 99)");
        }
        cells[CohortColumn.RECURRENCE_TYPE.ordinal()] = type;
        TreatmentSummary treatments = TreatmentSummary.of(tumour, problems);
        cells[CohortColumn.PRIOR_TREATMENTS.ordinal()] = String.join(";", treatments.terms());
        if (!problems.isEmpty()) {
            return problems.reject();
        }
        return new Row(new CsvRecord(patient.line(), List.of(cells), null),
                new NaaccrNotes(several, provinceDropped, treatments.noneGiven()));
    }

    /** 225 sexAssignedAtBirth (NAACCR 26) before 220 sex (to NAACCR 25): 1 M, 2 F, 9 U, another code X. */
    private static String sex(Map<String, NaaccrItem> items, Problems problems) {
        ReadItem which = items.get(ReadItem.SEX_ASSIGNED_AT_BIRTH.id) != null
                && !value(items, ReadItem.SEX_ASSIGNED_AT_BIRTH).isEmpty() ? ReadItem.SEX_ASSIGNED_AT_BIRTH : ReadItem.SEX;
        String code = value(items, which);
        if (code.isEmpty()) {
            return "";
        }
        if (code.length() != 1 || !Character.isDigit(code.charAt(0))) {
            problems.invalid(which, items.get(which.id), "is not a one-digit NAACCR sex code");
            return "";
        }
        return switch (code) {
            case "1" -> "M";
            case "2" -> "F";
            case "9" -> "U";
            default -> "X";
        };
    }

    /** 522 + 523: {@code 8070} and {@code 3} give {@code 8070/3}; one without the other is invalid. */
    private static String histology(Map<String, NaaccrItem> tumour, Problems problems) {
        String type = value(tumour, ReadItem.HISTOLOGIC_TYPE);
        String behaviour = value(tumour, ReadItem.BEHAVIOR_CODE);
        if (type.isEmpty() && behaviour.isEmpty()) {
            return "";
        }
        boolean valid = true;
        if (type.length() != 4 || !type.chars().allMatch(Character::isDigit)) {
            if (type.isEmpty()) {
                problems.missing(ReadItem.HISTOLOGIC_TYPE, ReadItem.BEHAVIOR_CODE);
            } else {
                problems.invalid(ReadItem.HISTOLOGIC_TYPE, tumour.get(ReadItem.HISTOLOGIC_TYPE.id),
                        "is not an ICD-O-3 histologic type (four digits, e.g. 8070)");
            }
            valid = false;
        }
        if (behaviour.length() != 1 || "012369".indexOf(behaviour.charAt(0)) < 0) {
            if (behaviour.isEmpty()) {
                problems.missing(ReadItem.BEHAVIOR_CODE, ReadItem.HISTOLOGIC_TYPE);
            } else {
                problems.invalid(ReadItem.BEHAVIOR_CODE, tumour.get(ReadItem.BEHAVIOR_CODE.id),
                        "is not an ICD-O-3 behaviour code (0, 1, 2, 3, 6 or 9)");
            }
            valid = false;
        }
        return valid ? type + "/" + behaviour : "";
    }

    /**
     * A NAACCR date as an ISO date: {@code YYYYMMDD}; a partial date ({@code YYYY}, {@code YYYYMM}) is not an
     * error and gives no date. Anything else, or a day that is not in the calendar, is invalid.
     */
    private static String date(Map<String, NaaccrItem> items, ReadItem item, Problems problems) {
        String value = value(items, item);
        if (value.isEmpty()) {
            return "";
        }
        boolean digits = isDigits(value, 0);
        if (!digits || value.length() != 4 && value.length() != 6 && value.length() != 8) {
            problems.invalid(item, items.get(item.id), "is not a NAACCR date (YYYYMMDD, or partial YYYYMM or YYYY)");
            return "";
        }
        int month = value.length() >= 6 ? Integer.parseInt(value.substring(4, 6)) : 1;
        if (month < 1 || month > 12) {
            problems.invalid(item, items.get(item.id), "is not a NAACCR date (the month is not 01-12)");
            return "";
        }
        if (value.length() < 8) {
            return "";
        }
        try {
            return LocalDate.of(Integer.parseInt(value.substring(0, 4)), month, Integer.parseInt(value.substring(6, 8)))
                    .toString();
        } catch (DateTimeException notInTheCalendar) {
            problems.invalid(item, items.get(item.id), "is not a real calendar date");
            return "";
        }
    }

    /** Of every tumour of every patient: a loop, not a stream. */
    private static boolean isTopography(String value) {
        return value.length() == 4 && value.charAt(0) == 'C' && isDigits(value, 1);
    }

    private static boolean isDigits(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static String value(Map<String, NaaccrItem> items, ReadItem item) {
        NaaccrItem read = items.get(item.id);
        return read == null ? "" : read.value();
    }

    /** The items of one patient found wrong, named in one reject as the cohort validator names cells. */
    final class Problems {
        private final NaaccrPatient patient;
        private final List<String> messages = new ArrayList<>();
        private long line;
        private boolean invalid;

        Problems(NaaccrPatient patient) {
            this.patient = patient;
        }

        void invalid(ReadItem item, NaaccrItem read, String why) {
            if (!invalid) {
                line = read.line(); // the first invalid item, as naaccr.md asks for the line of the <Item>
            }
            invalid = true;
            String shown = valuesInMessages ? "'" + CohortRowValidator.shorten(read.value()) + "'" : "the value";
            messages.add(item.named() + " (" + read.where() + "): " + shown + " " + why);
        }

        void missing(ReadItem item, ReadItem... besides) {
            String text = besides.length == 0 ? item.named() + " is missing in a <Tumor>: it cannot be told whether the tumour is an anal one"
                    : item.named() + " is missing beside " + besides[0].named();
            if (!messages.contains(text)) {
                messages.add(text);
            }
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }

        Rejected reject() {
            String id = value(patient.items(), ReadItem.PATIENT_ID_NUMBER);
            ReasonCode code = invalid ? ReasonCode.INVALID_VALUE : ReasonCode.MISSING_REQUIRED;
            return new Rejected(new RejectedRow(patient.sourceFile(), line == 0 ? patient.line() : line,
                    id.isEmpty() ? null : CohortRowValidator.shorten(id), code, String.join("; ", messages)));
        }
    }
}
