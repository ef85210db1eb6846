package ca.trialpath.naaccr;

import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The patients of one NAACCR XML file as the job takes them: each one assessable (a {@link PatientRecord} the
 * cohort validator accepted, with {@link NaaccrNotes}), rejected (a {@link RejectedRow} with its reason), or not in
 * scope (no anal tumour, counted only). Streams: one patient in memory at a time. Duplicate patient ids are a
 * property of the whole run and are left to the caller, as for cohort CSV files.
 *
 * <pre>
 * try (NaaccrCohortReader reader = NaaccrCohortReader.open(path, new CohortRowValidator(runDate))) {
 *     for (NaaccrCohortReader.Outcome outcome = reader.next(); outcome != null; outcome = reader.next()) { ... }
 *     reader.counts(); // read = assessed + rejected + notInScope
 * }
 * </pre>
 */
public final class NaaccrCohortReader implements Closeable {

    private final NaaccrPatientSource patients;
    private final NaaccrMapping mapping;
    private final CohortRowValidator validator;
    /** {@code null}: no supplement. */
    private final NaaccrSupplement supplement;
    private long read;
    private long assessed;
    private long rejected;
    private long notInScope;
    private long provincesDropped;

    private NaaccrCohortReader(NaaccrPatientSource patients, NaaccrMapping mapping, CohortRowValidator validator,
            NaaccrSupplement supplement) {
        this.patients = patients;
        this.mapping = mapping;
        this.validator = validator;
        this.supplement = supplement;
    }

    /**
     * @param valuesInMessages as the validator's: whether a reject may quote an item's value
     * @throws NaaccrFileException when the file is not NAACCR XML of a version read (nothing of it is to be published)
     */
    public static NaaccrCohortReader open(Path file, CohortRowValidator validator, boolean valuesInMessages)
            throws IOException {
        return open(file, validator, valuesInMessages, null);
    }

    /**
     * As {@link #open(Path, CohortRowValidator, boolean)}, each patient joined with its row of the clinic's
     * supplement (naaccr.md): the supplement's cells over the registry's, validated together; a bad supplement
     * value rejects the patient, naming the supplement's file and line. A C44.5 patient is in scope when its row
     * says {@code primary_site = perianal_skin}.
     *
     * @param supplement {@code null}: none
     */
    public static NaaccrCohortReader open(Path file, CohortRowValidator validator, boolean valuesInMessages,
            NaaccrSupplement supplement) throws IOException {
        return new NaaccrCohortReader(NaaccrExtract.open(file), new NaaccrMapping(valuesInMessages), validator,
                supplement);
    }

    /** A patient's outcome. */
    public sealed interface Outcome permits Assessed, Rejected, NotInScope {
    }

    public record Assessed(PatientRecord record, NaaccrNotes notes) implements Outcome {
    }

    public record Rejected(RejectedRow rejected) implements Outcome {
    }

    /**
     * @param perianalSkin the row of the patient's C44.5 tumour, for a supplement saying {@code perianal_skin}, or
     *                     {@code null}
     */
    public record NotInScope(String patientId, long line, CsvRecord perianalSkin) implements Outcome {
    }

    /** How many patients ended where; {@code read == assessed + rejected + notInScope}. */
    public record Counts(long read, long assessed, long rejected, long notInScope, long provincesDropped) {
    }

    /**
     * The next patient's outcome, or {@code null} after the last.
     *
     * @throws NaaccrFileException when the file breaks off or stops being NAACCR XML: the run fails
     */
    public Outcome next() throws IOException {
        NaaccrPatient patient = patients.next();
        if (patient == null) {
            return null;
        }
        read++;
        NaaccrMapping.Mapped mapped = mapping.map(patient);
        Outcome outcome;
        if (mapped instanceof NaaccrMapping.Rejected r) {
            outcome = new Rejected(r.rejected());
        } else if (mapped instanceof NaaccrMapping.NotInScope n) {
            // the supplement is looked up for a C44.5 patient only, not for every patient out of scope
            NaaccrSupplement.Row extra = supplement == null || n.perianalSkin() == null ? null
                    : supplement.row(n.patientId());
            if (extra != null && extra.saysPerianalSkin()) {
                // the clinic says the C44.5 tumour is perianal skin: in scope (naaccr.md)
                outcome = validated(patient.sourceFile(), n.perianalSkin(), new NaaccrNotes(false, false, false));
            } else {
                outcome = new NotInScope(n.patientId(), n.line(), n.perianalSkin());
            }
        } else {
            NaaccrMapping.Row row = (NaaccrMapping.Row) mapped;
            outcome = validated(patient.sourceFile(), row.record(), row.notes());
        }
        if (outcome instanceof Assessed) {
            assessed++;
        } else if (outcome instanceof Rejected) {
            rejected++;
        } else {
            notInScope++;
        }
        return outcome;
    }

    /** The row validated alone, then with the supplement's row over it. */
    private Outcome validated(String sourceFile, CsvRecord row, NaaccrNotes notes) {
        CohortRowValidator.Result result = validator.validate(sourceFile, NaaccrMapping.HEADER, row);
        if (result instanceof CohortRowValidator.Invalid invalid) {
            return new Rejected(invalid.rejected());
        }
        PatientRecord record = ((CohortRowValidator.Valid) result).record();
        NaaccrSupplement.Row extra = supplement == null ? null : supplement.row(record.patientId());
        if (extra != null) {
            NaaccrSupplement.Joined joined = supplement.join(extra, sourceFile, row, validator);
            if (joined instanceof NaaccrSupplement.JoinRejected rejected) {
                return new Rejected(rejected.rejected());
            }
            NaaccrSupplement.JoinedRecord merged = (NaaccrSupplement.JoinedRecord) joined;
            record = merged.record();
            if (merged.priorReplaced()) {
                // the clinic's prior_treatments replace the registry's: "none given" was the registry's word
                notes = new NaaccrNotes(notes.severalAnalPrimaries(), notes.provinceDropped(), false);
            }
        }
        if (notes.provinceDropped()) {
            provincesDropped++;
        }
        return new Assessed(record, notes);
    }

    public Counts counts() {
        return new Counts(read, assessed, rejected, notInScope, provincesDropped);
    }

    /**
     * Once {@link #next} has given {@code null}: the SHA-256 of every byte of the file, taken as it was parsed (hex),
     * for the caller to check the patients it read came from the file the run was started for.
     */
    public String sha256() throws IOException {
        return patients.sha256();
    }

    /** "naaccr-xml 9.0" or "StAX (JDK)": which parser reads this file. */
    public String readingPath() {
        return patients.readingPath();
    }

    @Override
    public void close() throws IOException {
        patients.close();
    }
}
