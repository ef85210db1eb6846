package ca.trialpath.batch.assess;

import ca.trialpath.batch.input.SourcedRecord;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.batch.run.Outcome;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.deidentify.Deidentifier;
import ca.trialpath.duplicates.DuplicateCursor;
import ca.trialpath.guideline.GuidelineAssessor;
import ca.trialpath.report.RunFolders;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Validates a record, rejects a patient id that an earlier row of the run holds, and applies the guideline.
 * Every record comes out as exactly one {@link Outcome}.
 *
 * <p>Which rows are duplicates was worked out before the assessment, for the whole run at once
 * ({@code CohortIndexing}); this partition reads its own duplicates in line order from a file, so it needs no
 * memory of the ids it has seen, resumes after a crash where it stopped, and gives the same answer whichever
 * partitions run before, beside or after it.
 *
 * <p>In a de-identified run the person leaves here already de-identified (duplicates were found among the
 * pseudonyms), so every writer downstream inherits it.
 */
public class AssessmentProcessor implements ItemProcessor<SourcedRecord, Outcome>, ItemStream {

    private final CohortRowValidator validator;
    /** {@code null} in a plain run. */
    private final Deidentifier deidentifier;
    private final LocalDate runDate;
    private final Path ids;
    private final CohortPartition partition;
    private final List<CohortPartition> plan;
    private final Map<String, CohortPartition.Piece> pieces;
    private DuplicateCursor duplicates;

    /**
     * @param partition    the partition this processor assesses
     * @param plan         every partition of the run: a duplicate's message names where the first row was
     * @param deidentifier {@code null} for a plain run
     */
    public AssessmentProcessor(LocalDate runDate, RunFolders.Staging staging, CohortPartition partition,
            List<CohortPartition> plan, Deidentifier deidentifier) {
        this.validator = new CohortRowValidator(runDate, deidentifier == null);
        this.deidentifier = deidentifier;
        this.runDate = runDate;
        this.ids = staging.ids();
        this.partition = partition;
        this.plan = List.copyOf(plan);
        this.pieces = partition.piecesByFile();
    }

    @Override
    public Outcome process(SourcedRecord item) throws IOException {
        PatientRecord record;
        if (item.registry() != null) {
            // a NAACCR patient, mapped, validated and joined with the supplement by its file's reader
            if (item.registry().rejected() != null) {
                RejectedRow rejected = item.registry().rejected();
                return new Outcome.Rejected(deidentifier == null ? rejected : deidentifier.rejected(rejected));
            }
            record = item.registry().record();
        } else {
            CohortRowValidator.Result result = validator.validate(item.sourceFile(), item.header(), item.record());
            if (result instanceof CohortRowValidator.Invalid invalid) {
                return new Outcome.Rejected(deidentifier == null ? invalid.rejected() : deidentifier.rejected(invalid.rejected()));
            }
            record = ((CohortRowValidator.Valid) result).record();
        }
        PatientRecord published = deidentifier == null ? record : deidentifier.record(record);
        // the index numbered each partition's lines from 1
        DuplicateCursor.FirstRow first = duplicates.firstRowOf(
                CohortPartition.relativeLine(pieces.get(record.sourceFile()), record.sourceLine()));
        if (first != null) {
            CohortPartition where = plan.get(first.partition());
            String id = deidentifier == null ? "'" + record.patientId() + "'" : "the value";
            return new Outcome.Rejected(new RejectedRow(record.sourceFile(), record.sourceLine(), published.patientId(),
                    ReasonCode.DUPLICATE_PATIENT_ID, "column 'patient_id': " + id
                            + " was already assessed from " + where.where(first.line()) + "; the first row is kept"));
        }
        // assessed as published (a de-identified row keeps all the rules read: every reason quoted in the
        // assessment is then de-identified too); aged from the whole row, whose birth date is not published
        var recurrence = published.toCase();
        if (item.registry() != null) {
            // what a registry record says that a cohort row cannot (naaccr.md)
            recurrence = recurrence.withRegistryNotes(item.registry().notes().noTreatmentGiven(),
                    item.registry().notes().severalAnalPrimaries());
        }
        return new Outcome.Assessed(published, GuidelineAssessor.assess(recurrence),
                record.ageAtRecurrence(runDate), null, record.birthDate());
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            // the cursor skips the duplicates of lines before the first one asked for: a resumed partition
            // asks from its first uncommitted row on
            duplicates = DuplicateCursor.open(ids, partition.index());
        } catch (IOException e) {
            throw new ItemStreamException("cannot read the duplicate ids of " + partition.name() + " in " + ids, e);
        }
    }

    @Override
    public void close() {
        if (duplicates != null) {
            try {
                duplicates.close();
            } catch (IOException ignored) {
                // read only
            }
            duplicates = null;
        }
    }
}
