package ca.trialpath.job;

import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.deidentify.Deidentifier;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 *
 * <p>In a de-identified run the person leaves here already de-identified (after the duplicate check, which
 * compares pseudonyms: the staged id list holds nothing else), so every writer downstream inherits it.
 */
class AssessmentProcessor implements ItemProcessor<SourcedRecord, Outcome>, ItemStream {

    private static final String ASSESSED_IDS_FILE = "internal/" + StagedOutputWriter.ASSESSED_IDS;
    private static final int LINE_BITS = 40;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;

    private final CohortRowValidator validator;
    /** {@code null} in a plain run. */
    private final Deidentifier deidentifier;
    private final LocalDate runDate;
    private final Path assessedIds;
    /**
     * Patient id to where it was first assessed, for the duplicate's message: the file's position in
     * {@link #files} and the line, packed in one long to keep the map small for a large registry.
     */
    private final Map<String, Long> firstSeen = new HashMap<>();
    private final List<String> files = new ArrayList<>();
    private final Map<String, Integer> fileIndex = new HashMap<>();

    AssessmentProcessor(LocalDate runDate, RunFolders.Staging staging) {
        this(runDate, staging, null);
    }

    /** @param deidentifier {@code null} for a plain run */
    AssessmentProcessor(LocalDate runDate, RunFolders.Staging staging, Deidentifier deidentifier) {
        this.validator = new CohortRowValidator(runDate, deidentifier == null);
        this.deidentifier = deidentifier;
        this.runDate = runDate;
        this.assessedIds = staging.root().resolve(ASSESSED_IDS_FILE);
    }

    @Override
    public Outcome process(SourcedRecord item) {
        CohortRowValidator.Result result = validator.validate(item.sourceFile(), item.header(), item.record());
        if (result instanceof CohortRowValidator.Invalid invalid) {
            return new Outcome.Rejected(deidentifier == null ? invalid.rejected() : deidentifier.rejected(invalid.rejected()));
        }
        PatientRecord record = ((CohortRowValidator.Valid) result).record();
        PatientRecord published = deidentifier == null ? record : deidentifier.record(record);
        Long earlier = firstSeen.putIfAbsent(published.patientId(), where(record.sourceFile(), record.sourceLine()));
        if (earlier != null) {
            String id = deidentifier == null ? "'" + record.patientId() + "'" : "the value";
            return new Outcome.Rejected(new RejectedRow(record.sourceFile(), record.sourceLine(), published.patientId(),
                    ReasonCode.DUPLICATE_PATIENT_ID, "column 'patient_id': " + id
                            + " was already assessed from " + files.get((int) (earlier >>> LINE_BITS)) + " line "
                            + (earlier & LINE_MASK) + "; the first row is kept"));
        }
        // assessed as published (a de-identified row keeps all the rules read: every reason quoted in the
        // assessment is then de-identified too); aged from the whole row, whose birth date is not published
        return new Outcome.Assessed(published, GuidelineAssessor.assess(published.toCase()),
                record.ageAtRecurrence(runDate), null, record.birthDate());
    }

    private long where(String file, long line) {
        Integer index = fileIndex.get(file);
        if (index == null) {
            index = files.size();
            files.add(file);
            fileIndex.put(file, index);
        }
        return ((long) index << LINE_BITS) | line;
    }

    @Override
    public void open(ExecutionContext context) {
        String key = StagedOutputWriter.lengthKey(ASSESSED_IDS_FILE);
        if (!context.containsKey(key) || !Files.exists(assessedIds)) {
            return;
        }
        long committed = context.getLong(key);
        try (FileChannel channel = FileChannel.open(assessedIds)) {
            BufferedReader ids = new BufferedReader(new InputStreamReader(
                    Channels.newInputStream(channel), StandardCharsets.UTF_8));
            long length = 0;
            String entry;
            while (length < committed && (entry = ids.readLine()) != null) {
                length += entry.getBytes(StandardCharsets.UTF_8).length + 1;
                // id, file, line: ids hold no tab; a file name might
                int afterId = entry.indexOf('\t');
                int beforeLine = entry.lastIndexOf('\t');
                firstSeen.putIfAbsent(entry.substring(0, afterId),
                        where(entry.substring(afterId + 1, beforeLine), Long.parseLong(entry.substring(beforeLine + 1))));
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot rebuild the assessed ids from " + assessedIds, e);
        }
    }
}
