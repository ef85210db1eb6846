package ca.trialpath.naaccr;

import ca.trialpath.cohort.CohortColumn;
import ca.trialpath.cohort.CohortFileException;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.CsvRecordReader;
import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clinic's supplement (naaccr.md, "The clinical supplement"): a CSV keyed by {@code patient_id} with what a
 * registry does not hold, joined to the NAACCR patients by id. Held in memory (one row per person with a
 * recurrence the clinic follows, not one per registry case).
 *
 * <p>Its own rows that join no one are not the supplement's to assess: {@link #ownRejects} gives them, in line
 * order, for {@code rejects.csv} ({@code UNKNOWN_PATIENT}, a repeated id, an unreadable row).
 */
public final class NaaccrSupplement {

    /** The columns a supplement may give (naaccr.md); {@code patient_id} is its key. */
    public static final Set<CohortColumn> COLUMNS = Collections.unmodifiableSet(EnumSet.of(
            CohortColumn.RECURRENCE_SITES, CohortColumn.SURGERY_POSSIBLE, CohortColumn.SYMPTOMS, CohortColumn.ECOG,
            CohortColumn.TREATMENT_WISH, CohortColumn.PRIMARY_SITE, CohortColumn.PRIOR_TREATMENTS));

    /** One usable row: its line and its cells by column (empty cells left out). */
    public record Row(long line, String patientId, Map<CohortColumn, String> cells) {

        boolean saysPerianalSkin() {
            return "perianal_skin".equals(cells.get(CohortColumn.PRIMARY_SITE));
        }
    }

    private final String name;
    private final Map<String, Row> byId;
    /** Rows that cannot join anyone whatever the registry says: a repeated id, a malformed row, no id. */
    private final List<RejectedRow> unusable;
    private final long rows;

    private NaaccrSupplement(String name, Map<String, Row> byId, List<RejectedRow> unusable, long rows) {
        this.name = name;
        this.byId = byId;
        this.unusable = unusable;
        this.rows = rows;
    }

    /**
     * Reads the whole supplement.
     *
     * @throws CohortFileException when it is not UTF-8 CSV with a {@code patient_id} column, or holds a column the
     *                             registry gives (the registry's value would be silently replaced)
     */
    public static NaaccrSupplement read(Path file, boolean valuesInMessages) throws IOException {
        String name = file.getFileName().toString();
        String where = file.toString();
        Map<String, Row> byId = new HashMap<>();
        List<RejectedRow> unusable = new ArrayList<>();
        long rows = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (CsvRecordReader csv = new CsvRecordReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            CsvRecord header = csv.next();
            if (header == null) {
                throw new CohortFileException(where, "the supplement is empty: it needs at least a header line");
            }
            if (header.isMalformed()) {
                throw new CohortFileException(where, "the supplement's header line cannot be read: " + header.malformed());
            }
            List<CohortColumn> columns = columns(where, header.cells());
            csv.nameColumns(header.cells());
            int idAt = columns.indexOf(CohortColumn.PATIENT_ID);
            for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
                rows++;
                List<String> cells = record.cells();
                String id = idAt < cells.size() ? cells.get(idAt).strip() : "";
                String shownId = id.isEmpty() ? null : CohortRowValidator.shorten(id);
                if (record.isMalformed()) {
                    unusable.add(new RejectedRow(name, record.line(), shownId, ReasonCode.MALFORMED_RECORD,
                            "supplement: " + record.malformed()));
                } else if (cells.size() > columns.size()) {
                    unusable.add(new RejectedRow(name, record.line(), shownId, ReasonCode.MALFORMED_RECORD,
                            "supplement: the record has " + cells.size() + " cells but the header has "
                                    + columns.size() + " (an unquoted comma inside a cell?)"));
                } else if (id.isEmpty()) {
                    unusable.add(new RejectedRow(name, record.line(), null, ReasonCode.MISSING_REQUIRED,
                            "supplement: column 'patient_id' is empty but required"));
                } else if (byId.containsKey(id)) {
                    unusable.add(new RejectedRow(name, record.line(), shownId, ReasonCode.DUPLICATE_PATIENT_ID,
                            "supplement: column 'patient_id': " + (valuesInMessages ? "'" + shownId + "'" : "the value")
                                    + " is on line " + byId.get(id).line() + " already; the first row is kept"));
                } else {
                    Map<CohortColumn, String> values = new java.util.EnumMap<>(CohortColumn.class);
                    for (int i = 0; i < cells.size(); i++) {
                        CohortColumn column = columns.get(i);
                        String value = cells.get(i).strip();
                        if (column != null && column != CohortColumn.PATIENT_ID && !value.isEmpty()) {
                            values.put(column, value);
                        }
                    }
                    byId.put(id, new Row(record.line(), id, values));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CohortFileException(where, "the supplement is not UTF-8 (export it as UTF-8)");
        }
        return new NaaccrSupplement(name, byId, unusable, rows);
    }

    /** Each header cell's column, {@code null} for a column the format does not know (ignored, as in a cohort file). */
    private static List<CohortColumn> columns(String where, List<String> header) {
        List<CohortColumn> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            CohortColumn column = CohortColumn.ofHeader(header.get(i).strip()).orElse(null);
            if (column != null && column != CohortColumn.PATIENT_ID && !COLUMNS.contains(column)) {
                throw new CohortFileException(where, "column '" + column.header() + "' is the registry's to give"
                        + " (NAACCR XML), not the supplement's; a supplement gives patient_id and any of "
                        + String.join(", ", COLUMNS.stream().map(CohortColumn::header).toList()));
            }
            if (column != null && columns.contains(column)) {
                throw new CohortFileException(where, "column '" + column.header() + "' appears twice in the header");
            }
            columns.add(column);
        }
        if (!columns.contains(CohortColumn.PATIENT_ID)) {
            throw new CohortFileException(where, "the supplement's header has no column 'patient_id'");
        }
        return columns;
    }

    /** The file's name, as rejects.csv shows it. */
    public String name() {
        return name;
    }

    /** Rows after the header. */
    public long rows() {
        return rows;
    }

    /** The row of a patient, or {@code null}. */
    public Row row(String patientId) {
        return patientId == null ? null : byId.get(patientId);
    }

    /**
     * The rows that joined no patient, and those no patient can join, in line order.
     *
     * @param joined     whether a row's patient was read with an anal tumour (or C44.5 with {@code perianal_skin})
     * @param outOfScope where a row's patient was read without one ({@code "FILE line N"}), or {@code null}
     */
    public List<RejectedRow> ownRejects(java.util.function.Predicate<Row> joined,
            java.util.function.Function<Row, String> outOfScope) {
        List<RejectedRow> rejects = new ArrayList<>(unusable);
        for (Row row : byId.values()) {
            if (joined.test(row)) {
                continue;
            }
            String read = outOfScope.apply(row);
            rejects.add(new RejectedRow(name, row.line(), CohortRowValidator.shorten(row.patientId()),
                    ReasonCode.UNKNOWN_PATIENT, read == null
                            ? "supplement: no patient of the NAACCR XML input has this patient_id"
                            : "supplement: the patient read from " + read
                                    + " has no anal tumour (C21.0-C21.8, or C44.5 with primary_site = perianal_skin), so is not assessed"));
        }
        rejects.sort(java.util.Comparator.comparingLong(RejectedRow::line));
        return rejects;
    }

    /** What a join gives: the merged record, or the patient rejected for the supplement's row. */
    public sealed interface Joined permits JoinedRecord, JoinRejected {
    }

    public record JoinedRecord(PatientRecord record, boolean priorReplaced) implements Joined {
    }

    public record JoinRejected(RejectedRow rejected) implements Joined {
    }

    /** How a reject caused by a supplement row names it. */
    private String where(Row row) {
        return "supplement " + CohortRowValidator.shorten(name) + " line " + row.line() + ": ";
    }

    /**
     * The registry's row with the supplement's cells over it, validated as a cohort row. A reject is the patient's
     * (its NAACCR file and {@code <Patient>} line) and its message names the supplement's file and line: the
     * registry's row alone was valid (the caller checked it).
     *
     * @param registry a row under {@link NaaccrMapping#HEADER}
     */
    public Joined join(Row row, String sourceFile, CsvRecord registry, CohortRowValidator validator) {
        List<String> cells = new ArrayList<>(registry.cells());
        String site = row.cells().get(CohortColumn.PRIMARY_SITE);
        if (site != null && !"perianal_skin".equals(site)) {
            return new JoinRejected(new RejectedRow(sourceFile, registry.line(),
                    CohortRowValidator.shorten(row.patientId()), ReasonCode.INVALID_VALUE, where(row)
                            + "column 'primary_site' may only say perianal_skin (the registry gives the primary site)"));
        }
        row.cells().forEach((column, value) -> cells.set(column.ordinal(), value));
        CsvRecord merged = new CsvRecord(registry.line(), cells, null);
        CohortRowValidator.Result result = validator.validate(sourceFile, NaaccrMapping.HEADER, merged);
        if (result instanceof CohortRowValidator.Invalid invalid) {
            RejectedRow r = invalid.rejected();
            return new JoinRejected(new RejectedRow(sourceFile, registry.line(), r.patientId(), r.reason(),
                    where(row) + r.message()));
        }
        return new JoinedRecord(((CohortRowValidator.Valid) result).record(),
                row.cells().containsKey(CohortColumn.PRIOR_TREATMENTS));
    }
}
