package ca.trialpath.batch.assess;

import ca.trialpath.batch.input.SourcedRecord;
import ca.trialpath.batch.inspect.TrialInspection;
import ca.trialpath.batch.run.Outcome;
import ca.trialpath.trials.CatalogueFacts;
import ca.trialpath.trials.PersonFacts;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.TrialMatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Assesses a record, then, for a person flagged for a trial discussion, lists the open trials that fit or
 * nearly fit (trials.md). The index is built when the step opens, so a restarted step builds the same one;
 * matching never changes the assessment.
 */
public class TrialMatching implements ItemProcessor<SourcedRecord, Outcome>, ItemStream {

    private final AssessmentProcessor assessment;
    private final Path trials;
    private final Path trialCriteria;
    private final CatalogueFacts inspected;
    private final LocalDate runDate;
    /** {@code null}: no screening log tonight (a de-identified run, or a test of the matching alone). */
    private final ScreeningFeed screening;
    private TrialMatcher matcher;

    /** @param trials {@code null}: no catalogue, no matching */
    public TrialMatching(AssessmentProcessor assessment, Path trials, Path trialCriteria, CatalogueFacts inspected,
            LocalDate runDate) {
        this(assessment, trials, trialCriteria, inspected, runDate, null);
    }

    /** @param screening where tonight's pairs go for the screening log; {@code null} for none */
    public TrialMatching(AssessmentProcessor assessment, Path trials, Path trialCriteria, CatalogueFacts inspected,
            LocalDate runDate, ScreeningFeed screening) {
        this.assessment = assessment;
        this.trials = trials;
        this.trialCriteria = trialCriteria;
        this.inspected = inspected;
        this.runDate = runDate;
        this.screening = trials == null ? null : screening;
    }

    @Override
    public void open(ExecutionContext context) {
        assessment.open(context);
        if (trials == null) {
            return;
        }
        try {
            // the files the first step validated, not a catalogue that arrived since
            matcher = TrialInspection.readUnchanged(trials, trialCriteria, runDate, inspected).matcher();
            if (screening != null) {
                screening.open(context);
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot read the trial catalogue " + trials, e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (screening != null) {
            try {
                screening.update(context);
            } catch (IOException e) {
                throw new ItemStreamException("cannot write " + ScreeningFeed.FILE, e);
            }
        }
    }

    @Override
    public void close() {
        assessment.close();
        if (screening != null) {
            try {
                screening.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + ScreeningFeed.FILE, e);
            }
        }
    }

    @Override
    public Outcome process(SourcedRecord item) throws IOException {
        Outcome outcome = assessment.process(item);
        if (matcher == null || !(outcome instanceof Outcome.Assessed assessed)) {
            return outcome;
        }
        List<TrialMatch> matches = assessed.assessment().trialDiscussion()
                ? matcher.match(PersonFacts.of(assessed.record(), assessed.assessment(), assessed.birthDate()))
                : List.of();
        if (screening != null) {
            // before the chunk is written; a chunk that does not commit is cut off the feed on restart
            screening.write(assessed.record().patientId(), assessed.record().province(), assessed.assessment(),
                    assessed.record().recurrenceDate(), matches);
        }
        return new Outcome.Assessed(assessed.record(), assessed.assessment(), assessed.ageAtRecurrence(), matches,
                assessed.birthDate());
    }
}
