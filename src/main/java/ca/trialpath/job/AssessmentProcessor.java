package ca.trialpath.job;

import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.GuidelineAssessor;
import ca.trialpath.report.RunFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Validates a record, rejects a patient id the run has already assessed, and applies the guideline.
 * Every record comes out as exactly one {@link Outcome}.
 *
 * <p>The ids already assessed are rebuilt on a restart from the staged id list, cut at its last
 * committed length, so duplicate detection is exact across a crash.
 */
class AssessmentProcessor implements ItemProcessor<SourcedRecord, Outcome>, ItemStream {

    private final CohortRowValidator validator;
    private final LocalDate runDate;
    private final Path assessedIds;
    /** Patient id to where it was first assessed, for the duplicate's message. */
    private final Map<String, String> firstSeen = new HashMap<>();

    AssessmentProcessor(LocalDate runDate, RunFolders folders) {
        this.validator = new CohortRowValidator(runDate);
        this.runDate = runDate;
        this.assessedIds = folders.internal().resolve(StagedOutputWriter.ASSESSED_IDS);
    }

    @Override
    public Outcome process(SourcedRecord item) {
        CohortRowValidator.Result result = validator.validate(item.sourceFile(), item.header(), item.record());
        if (result instanceof CohortRowValidator.Invalid invalid) {
            return new Outcome.Rejected(invalid.rejected());
        }
        PatientRecord record = ((CohortRowValidator.Valid) result).record();
        String where = record.sourceFile() + " line " + record.sourceLine();
        String earlier = firstSeen.putIfAbsent(record.patientId(), where);
        if (earlier != null) {
            return new Outcome.Rejected(new RejectedRow(record.sourceFile(), record.sourceLine(), record.patientId(),
                    ReasonCode.DUPLICATE_PATIENT_ID, "column 'patient_id': '" + record.patientId()
                            + "' was already assessed from " + earlier + "; the first row is kept"));
        }
        return new Outcome.Assessed(record, GuidelineAssessor.assess(record.toCase()),
                record.ageAtRecurrence(runDate));
    }

    @Override
    public void open(ExecutionContext context) {
        String key = "writer.length." + StagedOutputWriter.ASSESSED_IDS;
        if (!context.containsKey(key) || !Files.exists(assessedIds)) {
            return;
        }
        long committed = context.getLong(key);
        try (FileChannel channel = FileChannel.open(assessedIds)) {
            BufferedReader ids = new BufferedReader(new InputStreamReader(
                    Channels.newInputStream(channel), StandardCharsets.UTF_8));
            long length = 0;
            String id;
            while (length < committed && (id = ids.readLine()) != null) {
                length += id.getBytes(StandardCharsets.UTF_8).length + 1;
                firstSeen.putIfAbsent(id, "an earlier committed chunk of this run");
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot rebuild the assessed ids from " + assessedIds, e);
        }
    }
}
