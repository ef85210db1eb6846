package ca.trialpath.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.GuidelineAssessor;
import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.PrimarySite;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.RecurrenceCase;
import ca.trialpath.guideline.RecurrenceType;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.Terms;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.guideline.TreatmentWish;
import ca.trialpath.guideline.TrialPriority;

/**
 * The committed sample cohort is what {@link SampleDataBuilder} writes, and it does what its README says:
 * checked here with a small independent reading of cohort-csv.md and the guideline core.
 */
class SampleDataTests {

    private static final Path SAMPLE = Path.of("sample-data");
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

    @TempDir
    Path dir;

    @Test
    void committedFilesAreWhatTheBuilderWrites() throws IOException {
        SampleDataBuilder.build(dir);
        for (String name : List.of(SampleDataBuilder.FILE_A, SampleDataBuilder.FILE_B, "README.md")) {
            assertThat(Files.readString(SAMPLE.resolve(name), StandardCharsets.UTF_8))
                    .as(name + " (rebuild with SampleDataBuilder)")
                    .isEqualTo(Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
        }
    }

    @Test
    void fileBHasTheFormatVariety() throws IOException {
        byte[] b = Files.readAllBytes(SAMPLE.resolve(SampleDataBuilder.FILE_B));
        assertThat(Arrays.copyOf(b, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(b, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n\r\n", "liver ; liver;lung", "Para-aortic nodes", "Anal Canal",
                "\"Reviewed at tumour board, Halifax\"", "registry_note", " Patient_ID ");
        assertThat(text.replace("\r\n", "")).contains("\n"); // the embedded line break
        String a = Files.readString(SAMPLE.resolve(SampleDataBuilder.FILE_A));
        assertThat(a).doesNotContain("\r").startsWith(String.join(",", CohortGenerator.HEADER) + "\n");
    }

    @Test
    void everyRowEndsWhereTheReadmeSays() throws IOException {
        Map<String, SampleDataBuilder.Placed> special = new HashMap<>();
        SampleDataBuilder.build(dir).forEach(p -> special.put(p.file() + "/" + p.patientId(), p));

        Set<String> seen = new HashSet<>();
        Set<TreatmentOption> options = EnumSet.noneOf(TreatmentOption.class);
        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        Set<Pathway> pathways = EnumSet.noneOf(Pathway.class);
        Set<TrialPriority> priorities = EnumSet.noneOf(TrialPriority.class);
        List<String> rejects = new ArrayList<>();
        int rows = 0;
        int checked = 0;

        for (String file : List.of(SampleDataBuilder.FILE_A, SampleDataBuilder.FILE_B)) {
            String text = Files.readString(SAMPLE.resolve(file), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
            try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
                List<CSVRecord> records = parser.getRecords();
                Map<String, Integer> column = new HashMap<>();
                CSVRecord header = records.get(0);
                for (int i = 0; i < header.size(); i++) {
                    column.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
                }
                assertThat(column.keySet()).containsAll(CohortGenerator.HEADER);
                for (CSVRecord record : records.subList(1, records.size())) {
                    rows++;
                    int line = 1 + (int) text.substring(0, (int) record.getCharacterPosition()).chars()
                            .filter(c -> c == '\n').count();
                    Function<String, String> cell = name -> record.get(column.get(name)).trim();
                    String id = cell.apply("patient_id");
                    SampleDataBuilder.Placed placed = special.get(file + "/" + id);

                    String reason = rejectReason(record, header.size(), cell, seen);
                    if (reason != null) {
                        rejects.add(reason);
                        assertThat(placed).as("unexpected reject %s at %s:%d", reason, file, line).isNotNull();
                        assertThat(reason).isEqualTo(placed.special().expect().rejectReason());
                        assertThat(line).isEqualTo(placed.line());
                        checked++;
                        continue;
                    }
                    Assessment assessment = GuidelineAssessor.assess(recurrenceCase(cell));
                    options.addAll(assessment.options());
                    flags.addAll(assessment.flags());
                    pathways.add(assessment.pathway());
                    priorities.add(assessment.trialPriority());
                    if (placed != null) {
                        SampleDataBuilder.Expect expect = placed.special().expect();
                        String where = file + ":" + line + " " + id;
                        assertThat(expect.rejectReason()).as(where).isNull();
                        assertThat(line).as(where).isEqualTo(placed.line());
                        assertThat(assessment.pathway().name()).as(where).isEqualTo(expect.pathway());
                        assertThat(assessment.extent()).as(where).isEqualTo(expect.extent());
                        assertThat(assessment.options().stream().map(TreatmentOption::ruleId).toList())
                                .as(where).isEqualTo(expect.options());
                        assertThat(assessment.orderedFlags().stream().map(Enum::name).toList())
                                .as(where).isEqualTo(expect.flags());
                        assertThat(assessment.trialPriority().name()).as(where).isEqualTo(expect.priority());
                        assertThat(assessment.trialRule().name()).as(where).isEqualTo(expect.trialRule());
                        checked++;
                    }
                }
            }
        }

        assertThat(checked).isEqualTo(special.size());
        assertThat(rows).isEqualTo(SampleDataBuilder.ROWS_A + SampleDataBuilder.ROWS_B);
        assertThat(rejects).containsExactlyInAnyOrder("MISSING_REQUIRED", "INVALID_VALUE", "INVALID_VALUE",
                "INCONSISTENT_DATES", "DUPLICATE_PATIENT_ID", "MALFORMED_RECORD");
        assertThat(options).containsExactlyInAnyOrder(TreatmentOption.values());
        // every flag a cohort row can raise: SEVERAL_ANAL_PRIMARIES comes from NAACCR input only (sample-data/naaccr/)
        assertThat(flags).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(ReviewFlag.values())
                .filter(flag -> flag != ReviewFlag.SEVERAL_ANAL_PRIMARIES).toList());
        assertThat(pathways).containsExactlyInAnyOrder(Pathway.values());
        assertThat(priorities).contains(TrialPriority.HIGH, TrialPriority.ROUTINE);
    }

    /** A compact reading of cohort-csv.md, "Row errors"; null for a good row. */
    private static String rejectReason(CSVRecord record, int headerSize, Function<String, String> cell,
            Set<String> seen) {
        if (record.size() > headerSize) {
            return "MALFORMED_RECORD";
        }
        String id = cell.apply("patient_id");
        if (id.isEmpty() || cell.apply("primary_site").isEmpty()) {
            return "MISSING_REQUIRED";
        }
        boolean valid = id.matches("[A-Za-z0-9._-]{1,64}")
                && cell.apply("sex").toUpperCase(Locale.ROOT).matches("[FMXU]?")
                && cell.apply("province").matches("|AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT")
                && PrimarySite.scopeOf(cell.apply("primary_site")).isPresent()
                && cell.apply("histology").matches("|\\d{4}/\\d")
                && (cell.apply("recurrence_type").isEmpty() || RecurrenceType.ofCode(cell.apply("recurrence_type")).isPresent())
                && list(cell.apply("prior_treatments")).stream().allMatch(t -> PriorTreatment.ofTerm(t).isPresent())
                && (cell.apply("surgery_possible").isEmpty() || SurgeryPossible.ofTerm(cell.apply("surgery_possible")).isPresent())
                && cell.apply("ecog").matches("[0-4]?")
                && (cell.apply("treatment_wish").isEmpty() || TreatmentWish.ofTerm(cell.apply("treatment_wish")).isPresent())
                && date(cell.apply("birth_date")) != null && date(cell.apply("recurrence_date")) != null;
        if (!valid) {
            return "INVALID_VALUE";
        }
        if (!seen.add(id)) {
            return "DUPLICATE_PATIENT_ID";
        }
        Optional<LocalDate> birth = date(cell.apply("birth_date"));
        Optional<LocalDate> recurrence = date(cell.apply("recurrence_date"));
        if (recurrence.isPresent() && (recurrence.get().isAfter(RUN_DATE)
                || birth.isPresent() && recurrence.get().isBefore(birth.get()))) {
            return "INCONSISTENT_DATES";
        }
        return null;
    }

    /** Empty when not recorded, null when not a real date. */
    private static Optional<LocalDate> date(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> list(String value) {
        return new ArrayList<>(Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static RecurrenceCase recurrenceCase(Function<String, String> cell) {
        String code = cell.apply("recurrence_type");
        String surgery = cell.apply("surgery_possible");
        String wish = cell.apply("treatment_wish");
        String histology = cell.apply("histology");
        String ecog = cell.apply("ecog");
        return new RecurrenceCase(
                PrimarySite.scopeOf(cell.apply("primary_site")).orElseThrow(),
                histology.isEmpty() ? null : histology,
                code.isEmpty() ? null : code,
                list(cell.apply("recurrence_sites")),
                list(cell.apply("prior_treatments")).stream().map(t -> PriorTreatment.ofTerm(t).orElseThrow())
                        .collect(Collectors.toSet()),
                surgery.isEmpty() ? SurgeryPossible.UNKNOWN : SurgeryPossible.ofTerm(surgery).orElseThrow(),
                list(cell.apply("symptoms")).stream().map(Terms::normalize).collect(Collectors.toSet()),
                ecog.isEmpty() ? null : Integer.valueOf(ecog),
                wish.isEmpty() ? TreatmentWish.WANTS_TREATMENT : TreatmentWish.ofTerm(wish).orElseThrow());
    }
}
