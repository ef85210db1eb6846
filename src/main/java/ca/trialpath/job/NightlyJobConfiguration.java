package ca.trialpath.job;

import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.report.ReportText;
import ca.trialpath.report.RunFolders;
import ca.trialpath.trials.CatalogueFacts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
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

    public static final String JOB = "nightlyAssessment";
    static final String INSPECT_STEP = "inspectInputs";
    static final String INDEX_STEP = "indexCohort";
    static final String ASSESS_STEP = "assessCohort";
    /** The step each partition of the assessment runs; its executions are named {@code assessPartition:partition-00000}. */
    public static final String PARTITION_STEP = "assessPartition";
    static final String PUBLISH_STEP = "publishReports";
    /** Each run (job instance) stages in its own folder. */
    private static final String JOB_INSTANCE_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";
    /** The partition a step execution of {@link #PARTITION_STEP} assesses. */
    private static final String PARTITION = "#{stepExecutionContext['" + CohortPartition.KEY + "']}";

    @Bean
    Job nightlyAssessment(JobRepository jobRepository, Step inspectInputs, Step indexCohort, Step assessCohort,
            Step publishReports, RunOutcomeLog runOutcomeLog, LostStaging lostStaging) {
        // no incrementer: the run's parameters (inputs, output, run date) are its identity, which is
        // what lets a failed night be restarted and a published one be recognised
        return new JobBuilder(JOB, jobRepository)
                .start(inspectInputs)
                .next(indexCohort)
                .next(assessCohort)
                .next(publishReports)
                .listener(runOutcomeLog)
                .listener(lostStaging)
                .build();
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
        return new StepBuilder(INSPECT_STEP, jobRepository).tasklet(inputInspection, transactionManager).build();
    }

    @Bean
    @StepScope
    InputInspection inputInspection(@Value("#{jobParameters['input']}") String input,
            @Value("#{jobParameters['inputFingerprint']}") String inputFingerprint,
            @Value("#{jobParameters['trials']}") String trials,
            @Value("#{jobParameters['trialCriteria']}") String trialCriteria,
            @Value("${trialpath.trials.catalogue-max-age-days:7}") long catalogueMaxAgeDays) {
        return new InputInspection(Path.of(input), inputFingerprint, pathOrNull(trials), pathOrNull(trialCriteria),
                catalogueMaxAgeDays);
    }

    private static Path pathOrNull(String path) {
        return path == null ? null : Path.of(path);
    }

    @Bean
    Step indexCohort(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CohortIndexing cohortIndexing) {
        return new StepBuilder(INDEX_STEP, jobRepository).tasklet(cohortIndexing, transactionManager).build();
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
        return new StepBuilder(ASSESS_STEP, jobRepository)
                .partitioner(PARTITION_STEP, cohortPartitioner)
                // one reading of the repository for all partitions, not one each
                .splitter(new PartitionExecutions.Splitter(jobRepository, cohortPartitioner))
                .partitionHandler(partitionHandler)
                .aggregator(new RunFailures.Aggregator())
                .listener(new StepExecutionListener() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public void beforeStep(StepExecution stepExecution) {
                        List<CohortPartition> plan = (List<CohortPartition>) stepExecution.getJobExecution()
                                .getExecutionContext().get(CohortIndexing.PARTITIONS);
                        progressLog.start(plan == null ? 0 : plan.stream().mapToLong(CohortPartition::records).sum());
                    }
                })
                .build();
    }

    @Bean
    @StepScope
    Partitioner cohortPartitioner(
            @Value("#{jobExecutionContext['" + CohortIndexing.PARTITIONS + "']}") List<CohortPartition> plan) {
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
        ChunkOrientedStepBuilder<SourcedRecord, Outcome> step = new StepBuilder(PARTITION_STEP, jobRepository)
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
            @Value("#{jobExecutionContext['" + InputInspection.INPUTS + "']}") List<InspectedFile> inputs,
            ProgressLog progressLog) {
        return new CohortReader(partition, inputs, progressLog);
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
            @Value(PARTITION) CohortPartition partition,
            @Value("#{jobExecutionContext['" + CohortIndexing.PARTITIONS + "']}") List<CohortPartition> plan) {
        return new AssessmentProcessor(LocalDate.parse(runDate), folders(output, runDate).staging(jobInstanceId),
                partition, plan, DeidentifiedRun.of(pseudonymKeyId, environment::getProperty));
    }

    @Bean
    @StepScope
    TrialMatching trialMatching(AssessmentProcessor assessmentProcessor,
            @Value("#{jobParameters['trials']}") String trials,
            @Value("#{jobParameters['trialCriteria']}") String trialCriteria,
            @Value("#{jobExecutionContext['" + TrialInspection.CATALOGUE + "']}") CatalogueFacts catalogue,
            @Value("#{jobParameters['runDate']}") String runDate) {
        return new TrialMatching(assessmentProcessor, pathOrNull(trials), pathOrNull(trialCriteria), catalogue,
                LocalDate.parse(runDate));
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
        return new StepBuilder(PUBLISH_STEP, jobRepository).tasklet(reportPublisher, transactionManager).build();
    }

    @Bean
    @StepScope
    ReportPublisher reportPublisher(JobRepository jobRepository, TrialPathProperties properties,
            @Value("#{jobParameters['runDate']}") String runDate, @Value("#{jobParameters['output']}") String output,
            @Value("#{jobParameters['maxRejectRate']}") Double maxRejectRate,
            @Value("#{jobParameters['inputFingerprint']}") String inputFingerprint,
            @Value("#{jobParameters['pseudonymKeyId']}") String pseudonymKeyId, SafeExportProperties safeExport,
            HistoryRecorder historyRecorder,
            @Value("#{jobParameters['trials']}") String trials,
            @Value("#{jobParameters['trialCriteria']}") String trialCriteria,
            @Value("#{jobParameters['lang'] ?: 'en'}") String lang) {
        return new ReportPublisher(jobRepository, folders(output, runDate), LocalDate.parse(runDate),
                maxRejectRate, inputFingerprint, properties.maxRowsPerList(), pseudonymKeyId,
                safeExport.publishPermissions(), historyRecorder, new TrialPublication(pathOrNull(trials),
                        pathOrNull(trialCriteria), LocalDate.parse(runDate), properties.maxRowsPerTrial()),
                ReportText.of(lang));
    }

    /** The folders of the run these job parameters describe. */
    static RunFolders folders(JobParameters parameters) {
        return folders(parameters.getString("output"), parameters.getString("runDate"));
    }

    private static RunFolders folders(String output, String runDate) {
        return new RunFolders(Path.of(output), LocalDate.parse(runDate));
    }
}
