package ca.trialpath.batch;

import ca.trialpath.batch.assess.AssessmentProcessor;
import ca.trialpath.batch.assess.CohortReader;
import ca.trialpath.batch.assess.ScreeningFeed;
import ca.trialpath.batch.assess.StagedOutputWriter;
import ca.trialpath.batch.assess.StagingCheck;
import ca.trialpath.batch.assess.TrialMatching;
import ca.trialpath.batch.index.CohortIndexing;
import ca.trialpath.batch.input.SourcedRecord;
import ca.trialpath.batch.inspect.InputInspection;
import ca.trialpath.batch.publish.HistoryRecorder;
import ca.trialpath.batch.publish.PartitionsInOrder;
import ca.trialpath.batch.publish.ReportPublisher;
import ca.trialpath.batch.publish.ScreeningPublication;
import ca.trialpath.batch.publish.TrialPublication;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.batch.run.DeidentifiedRun;
import ca.trialpath.batch.run.JobNames;
import ca.trialpath.batch.run.MovedClassesSerializer;
import ca.trialpath.batch.run.Outcome;
import ca.trialpath.batch.run.PartitionExecutions;
import ca.trialpath.batch.run.ProgressLog;
import ca.trialpath.batch.run.RunFailures;
import ca.trialpath.batch.run.RunState;
import ca.trialpath.cohort.InputDigests;
import ca.trialpath.report.ReportText;
import ca.trialpath.report.RunFolders;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: inspect the input files, index them (partitions, duplicate ids), assess every row in
 * restartable chunks, partition by partition, then check and publish. Wiring only; the work is in the classes it names.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrialPathProperties.class)
public class NightlyJobConfiguration {

    /** Each run (job instance) stages in its own folder. */
    private static final String JOB_INSTANCE_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";
    /** The run a step-scoped bean serves: what the steps before handed on is read through its {@link RunState}. */
    private static final String JOB_EXECUTION = "#{stepExecution.jobExecution}";
    /** The partition a step execution of {@link JobNames#PARTITION_STEP} assesses. */
    private static final String PARTITION = "#{stepExecutionContext['" + CohortPartition.KEY + "']}";

    @Bean
    Job nightlyAssessment(JobRepository jobRepository, Step inspectInputs, Step indexCohort, Step assessCohort,
            Step publishReports, RunOutcomeLog runOutcomeLog, LostStaging lostStaging) {
        // no incrementer: the run's parameters (inputs, output, run date) are its identity, which is
        // what lets a failed night be restarted and a published one be recognised
        return new JobBuilder(JobNames.JOB, jobRepository)
                .start(inspectInputs)
                .next(indexCohort)
                .next(assessCohort)
                .next(publishReports)
                .listener(runOutcomeLog)
                .listener(lostStaging)
                .build();
    }

    /** The job repository's execution contexts: Spring Batch's format, reading too those of the version before. */
    @Bean
    ExecutionContextSerializer executionContextSerializer() {
        return new MovedClassesSerializer();
    }

    @Bean
    LostStaging lostStaging(JobRepository jobRepository) {
        return new LostStaging(jobRepository);
    }

    @Bean
    RunOutcomeLog runOutcomeLog() {
        return new RunOutcomeLog();
    }

    @Bean
    Step inspectInputs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            InputInspection inputInspection) {
        return new StepBuilder(JobNames.INSPECT_STEP, jobRepository).tasklet(inputInspection, transactionManager).build();
    }

    @Bean
    @StepScope
    InputInspection inputInspection(@Value("#{jobParameters['input']}") String input,
            @Value("#{jobParameters['inputFingerprint']}") String inputFingerprint,
            @Value("#{jobParameters['trials']}") String trials,
            @Value("#{jobParameters['trialCriteria']}") String trialCriteria,
            @Value("#{jobParameters['supplement']}") String supplement,
            @Value("#{jobParameters['screening']}") String screening, TrialPathProperties properties,
            InputDigests inputDigests) {
        return new InputInspection(Path.of(input), inputFingerprint, pathOrNull(trials), pathOrNull(trialCriteria),
                properties.trials().catalogueMaxAgeDays(), pathOrNull(screening)).withSupplement(pathOrNull(supplement))
                .withDigestsTaken(inputDigests);
    }

    /**
     * The SHA-256 of the NAACCR extracts and the inspections of the cohort files (with their cuts, on more than one
     * thread) as the launcher took them, for the first steps.
     */
    @Bean
    InputDigests inputDigests(TrialPathProperties properties) {
        return new InputDigests(properties.effectiveThreads() > 1 ? properties.partitionRows() : 0);
    }

    private static Path pathOrNull(String path) {
        return path == null ? null : Path.of(path);
    }

    @Bean
    Step indexCohort(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CohortIndexing cohortIndexing) {
        return new StepBuilder(JobNames.INDEX_STEP, jobRepository).tasklet(cohortIndexing, transactionManager).build();
    }

    @Bean
    @StepScope
    CohortIndexing cohortIndexing(@Value("#{jobParameters['runDate']}") String runDate,
            @Value("#{jobParameters['output']}") String output, @Value(JOB_INSTANCE_ID) long jobInstanceId,
            @Value("#{jobParameters['pseudonymKeyId']}") String pseudonymKeyId, Environment environment,
            TrialPathProperties properties) {
        return new CohortIndexing(LocalDate.parse(runDate), folders(output, runDate).staging(jobInstanceId),
                DeidentifiedRun.of(pseudonymKeyId, environment::getProperty), properties.effectiveThreads(),
                properties.partitionRows(), properties.idsInMemory(), properties.progressInterval());
    }

    /** The assessment: its partitions, run by the partition handler (threads here; other machines remotely). */
    @Bean
    Step assessCohort(JobRepository jobRepository, Step assessPartition, Partitioner cohortPartitioner,
            PartitionHandler partitionHandler, ProgressLog progressLog) {
        return new StepBuilder(JobNames.ASSESS_STEP, jobRepository)
                .partitioner(JobNames.PARTITION_STEP, cohortPartitioner)
                // one reading of the repository for all partitions, not one each
                .splitter(new PartitionExecutions.Splitter(jobRepository, cohortPartitioner))
                .partitionHandler(partitionHandler)
                .aggregator(new RunFailures.Aggregator())
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution stepExecution) {
                        List<CohortPartition> plan = RunState.of(stepExecution.getJobExecution()).partitions();
                        progressLog.start(plan == null ? 0 : plan.stream().mapToLong(CohortPartition::records).sum());
                    }
                })
                .build();
    }

    @Bean
    @StepScope
    Partitioner cohortPartitioner(@Value(JOB_EXECUTION) JobExecution job) {
        List<CohortPartition> plan = RunState.of(job).partitions();
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (CohortPartition partition : plan) {
                ExecutionContext context = new ExecutionContext();
                context.put(CohortPartition.KEY, partition);
                partitions.put(partition.name(), context);
            }
            return partitions;
        };
    }

    /** The partitions on this JVM's threads; a remote manager sends them to workers instead (ca.trialpath.remote). */
    @Bean
    @Profile("!remote-manager")
    PartitionHandler partitionHandler(Step assessPartition, TrialPathProperties properties) {
        return new PartitionsInOrder(assessPartition, properties.effectiveThreads());
    }

    @Bean
    ProgressLog progressLog(TrialPathProperties properties) {
        return new ProgressLog(properties.progressInterval());
    }

    @Bean
    Step assessPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            TrialPathProperties properties, CohortReader cohortReader, TrialMatching trialMatching,
            StagedOutputWriter stagedOutputWriter, StagingCheck stagingCheck,
            ObjectProvider<ItemWriteListener<Outcome>> writeListeners) {
        ChunkOrientedStepBuilder<SourcedRecord, Outcome> step = new StepBuilder(JobNames.PARTITION_STEP, jobRepository)
                .<SourcedRecord, Outcome>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(cohortReader)
                .processor(trialMatching)
                .writer(stagedOutputWriter)
                .stream(trialMatching)
                .listener(stagingCheck);
        // extension point for operations and tests (e.g. a listener that fails a chunk on purpose)
        writeListeners.orderedStream().forEach(step::listener);
        return step.build();
    }

    @Bean
    @StepScope
    CohortReader cohortReader(@Value(PARTITION) CohortPartition partition,
            @Value(JOB_EXECUTION) JobExecution job, ProgressLog progressLog,
            @Value("#{jobParameters['pseudonymKeyId']}") String pseudonymKeyId) {
        return new CohortReader(partition, RunState.of(job).inputs(), progressLog).forRegistry(pseudonymKeyId == null, RunState.of(job).supplementIndex(), RunState.of(job).staging());
    }

    @Bean
    @StepScope
    StagingCheck stagingCheck(@Value("#{jobParameters['runDate']}") String runDate,
            @Value("#{jobParameters['output']}") String output, @Value(JOB_INSTANCE_ID) long jobInstanceId,
            @Value(PARTITION) CohortPartition partition) {
        return new StagingCheck(folders(output, runDate).staging(jobInstanceId).partition(partition.name()));
    }

    @Bean
    @StepScope
    AssessmentProcessor assessmentProcessor(@Value("#{jobParameters['runDate']}") String runDate,
            @Value("#{jobParameters['output']}") String output, @Value(JOB_INSTANCE_ID) long jobInstanceId,
            @Value("#{jobParameters['pseudonymKeyId']}") String pseudonymKeyId, Environment environment,
            @Value(PARTITION) CohortPartition partition, @Value(JOB_EXECUTION) JobExecution job) {
        return new AssessmentProcessor(LocalDate.parse(runDate), folders(output, runDate).staging(jobInstanceId),
                partition, RunState.of(job).partitions(), DeidentifiedRun.of(pseudonymKeyId, environment::getProperty));
    }

    @Bean
    @StepScope
    TrialMatching trialMatching(AssessmentProcessor assessmentProcessor,
            @Value("#{jobParameters['trials']}") String trials,
            @Value("#{jobParameters['trialCriteria']}") String trialCriteria,
            @Value(JOB_EXECUTION) JobExecution job, @Value("#{jobParameters['runDate']}") String runDate,
            @Value("#{jobParameters['output']}") String output, @Value(JOB_INSTANCE_ID) long jobInstanceId,
            @Value(PARTITION) CohortPartition partition,
            @Value("#{jobParameters['pseudonymKeyId']}") String pseudonymKeyId, ScreeningProperties screeningLimits) {
        // tonight's pairs for the screening log; a de-identified run keeps no screening (docs/screening.md)
        ScreeningFeed screening = pseudonymKeyId == null || pseudonymKeyId.isEmpty()
                ? new ScreeningFeed(folders(output, runDate).staging(jobInstanceId).partition(partition.name()).internal(),
                        screeningLimits.maxPairs())
                : null;
        return new TrialMatching(assessmentProcessor, pathOrNull(trials), pathOrNull(trialCriteria),
                RunState.of(job).catalogue(), LocalDate.parse(runDate), screening);
    }

    @Bean
    @StepScope
    StagedOutputWriter stagedOutputWriter(@Value("#{jobParameters['runDate']}") String runDate,
            @Value("#{jobParameters['output']}") String output, @Value(JOB_INSTANCE_ID) long jobInstanceId,
            @Value(PARTITION) CohortPartition partition, TrialPathProperties properties) {
        return new StagedOutputWriter(folders(output, runDate).staging(jobInstanceId).partition(partition.name()),
                properties.maxRowsPerList(), properties.maxRowsPerTrial());
    }

    @Bean
    Step publishReports(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReportPublisher reportPublisher) {
        return new StepBuilder(JobNames.PUBLISH_STEP, jobRepository).tasklet(reportPublisher, transactionManager).build();
    }

    @Bean
    @StepScope
    ReportPublisher reportPublisher(JobRepository jobRepository, TrialPathProperties properties,
            @Value("#{jobParameters['runDate']}") String runDate, @Value("#{jobParameters['output']}") String output,
            @Value("#{jobParameters['maxRejectRate']}") Double maxRejectRate,
            @Value("#{jobParameters['inputFingerprint']}") String inputFingerprint,
            @Value("#{jobParameters['pseudonymKeyId']}") String pseudonymKeyId, SafeExportProperties safeExport,
            HistoryRecorder historyRecorder, ScreeningPublication screeningPublication,
            @Value("#{jobParameters['trials']}") String trials,
            @Value("#{jobParameters['trialCriteria']}") String trialCriteria,
            @Value("#{jobParameters['lang'] ?: 'en'}") String lang) {
        return new ReportPublisher(jobRepository, folders(output, runDate), LocalDate.parse(runDate),
                maxRejectRate, inputFingerprint, properties.maxRowsPerList(), pseudonymKeyId,
                safeExport.publishPermissions(), historyRecorder, new TrialPublication(pathOrNull(trials),
                        pathOrNull(trialCriteria), LocalDate.parse(runDate), properties.maxRowsPerTrial()),
                ReportText.of(lang), screeningPublication);
    }

    private static RunFolders folders(String output, String runDate) {
        return RunState.folders(output, runDate);
    }
}
