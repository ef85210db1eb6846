package ca.trialpath.batch.run;

import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.report.RunFolders;
import ca.trialpath.screening.Decision;
import ca.trialpath.screening.PairKey;
import ca.trialpath.trials.CatalogueFacts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What one step of a night's run hands to the next, typed: a view over the job execution's context, which the
 * job repository saves with each step, so a restarted run (or a remote worker) finds it as the steps left it.
 * The keys and their types are known here only; they keep the names earlier versions wrote, so a run left
 * unfinished by one version is resumed by the next.
 */
public final class RunState {

    /** The input files as the first step inspected them ({@code InputInspection}). */
    private static final String INPUTS = "inputs";
    /** The files' identities (inode, size, time) when first read: a file swapped in since fails publication. */
    private static final String INPUT_IDENTITIES = "inputIdentities";
    /** The trial catalogue's facts ({@code TrialInspection}); absent in a run without a catalogue. */
    private static final String CATALOGUE = "trialCatalogue";
    /** The position of the clinic's supplement among {@link #INPUTS} (the last), absent without one. */
    private static final String SUPPLEMENT = "supplementIndex";
    /** The coordinators' screening decisions ({@code ScreeningInspection}); absent without {@code screening=}. */
    private static final String SCREENING = "screening";
    /** The partition plan of {@code CohortIndexing}, which a restart keeps. */
    private static final String PARTITIONS = "partitions";
    /** The run's totals ({@link RunCounts}), once it got as far as its checks. */
    private static final String READ = "run.read";
    private static final String ASSESSED = "run.assessed";
    private static final String REJECTED = "run.rejected";

    private final JobExecution job;

    private RunState(JobExecution job) {
        this.job = job;
    }

    public static RunState of(JobExecution job) {
        return new RunState(job);
    }

    /** The folders of the run these job parameters describe. */
    public static RunFolders folders(JobParameters parameters) {
        return folders(parameters.getString("output"), parameters.getString("runDate"));
    }

    public static RunFolders folders(String output, String runDate) {
        return new RunFolders(Path.of(output), LocalDate.parse(runDate));
    }

    public RunFolders folders() {
        return folders(job.getJobParameters());
    }

    /** This run's own staging folder: each run (job instance) stages apart. */
    public RunFolders.Staging staging() {
        return folders().staging(job.getJobInstance().getInstanceId());
    }

    @SuppressWarnings("unchecked")
    public List<InspectedFile> inputs() {
        return (List<InspectedFile>) context().get(INPUTS);
    }

    @SuppressWarnings("unchecked")
    public List<InputIdentity> inputIdentities() {
        return (List<InputIdentity>) context().get(INPUT_IDENTITIES);
    }

    public void inspected(List<InspectedFile> inputs, List<InputIdentity> identities) {
        context().put(INPUTS, inputs);
        context().put(INPUT_IDENTITIES, identities);
    }

    /** @return {@code null} in a run without a supplement */
    public Integer supplementIndex() {
        return (Integer) context().get(SUPPLEMENT);
    }

    public void supplementIndex(Integer index) {
        if (index != null) {
            context().put(SUPPLEMENT, index);
        }
    }

    /** @return {@code null} in a run without a trial catalogue */
    public CatalogueFacts catalogue() {
        return (CatalogueFacts) context().get(CATALOGUE);
    }

    public void catalogue(CatalogueFacts facts) {
        context().put(CATALOGUE, facts);
    }

    /** @return the decisions of {@code screening=} in file order; empty without the file */
    @SuppressWarnings("unchecked")
    public Map<PairKey, Decision> screening() {
        Object decisions = context().get(SCREENING);
        return decisions == null ? Map.of() : (Map<PairKey, Decision>) decisions;
    }

    public void screening(LinkedHashMap<PairKey, Decision> decisions) {
        context().put(SCREENING, decisions);
    }

    /** @return {@code null} before the index step planned them */
    @SuppressWarnings("unchecked")
    public List<CohortPartition> partitions() {
        return (List<CohortPartition>) context().get(PARTITIONS);
    }

    public void partitions(List<CohortPartition> plan) {
        context().put(PARTITIONS, plan);
    }

    /** The totals of a run that got as far as its checks; {@code null} for one that stopped before. */
    public RunCounts counts() {
        ExecutionContext context = context();
        if (!context.containsKey(READ)) {
            return null;
        }
        return new RunCounts(context.getLong(READ), context.getLong(ASSESSED), context.getLong(REJECTED));
    }

    public void counts(long read, long assessed, long rejected) {
        ExecutionContext context = context();
        context.putLong(READ, read);
        context.putLong(ASSESSED, assessed);
        context.putLong(REJECTED, rejected);
    }

    private ExecutionContext context() {
        return job.getExecutionContext();
    }
}
