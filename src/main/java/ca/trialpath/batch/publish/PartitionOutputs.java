package ca.trialpath.batch.publish;

import ca.trialpath.batch.assess.CohortReader;
import ca.trialpath.batch.assess.FirstRejects;
import ca.trialpath.batch.assess.RunTally;
import ca.trialpath.batch.assess.StagedOutputWriter;
import ca.trialpath.batch.assess.TrialTally;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.batch.run.JobNames;
import ca.trialpath.history.HistoryFeed;
import ca.trialpath.report.ReportFeeds;
import ca.trialpath.report.RunFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the partitions of a run left, as one run: their counts added up, and their staged files put end to end in
 * partition order into the run's own staging folder, so the published files hold the same rows in the same order
 * as if one thread had read every file.
 *
 * <p>Putting the files together can be done again after a crash: each partition's file is appended at the
 * offset that the lengths committed before it give, and removed only once appended (so the disk holds at most
 * one partition's copy at a time).
 */
public final class PartitionOutputs {

    private final RunFolders.Staging staging;
    private final List<CohortPartition> plan;
    private final List<ExecutionContext> contexts = new ArrayList<>();

    private PartitionOutputs(RunFolders.Staging staging, List<CohortPartition> plan) {
        this.staging = staging;
        this.plan = List.copyOf(plan);
    }

    /** The last execution of every partition of the run (which may be in earlier executions of the job). */
    public static PartitionOutputs of(JobRepository jobRepository, JobInstance instance, RunFolders.Staging staging,
            List<CohortPartition> plan) {
        PartitionOutputs outputs = new PartitionOutputs(staging, plan);
        for (CohortPartition partition : plan) {
            StepExecution execution = jobRepository.getLastStepExecution(instance,
                    JobNames.partitionExecution(partition.name()));
            if (execution == null) {
                throw new IllegalStateException("no execution of " + partition.name() + " of job instance "
                        + instance.getInstanceId() + " is known to the job repository");
            }
            outputs.contexts.add(execution.getExecutionContext());
        }
        return outputs;
    }

    /** The partitions of a run whose step executions left these contexts (in partition order). */
    public static PartitionOutputs of(RunFolders.Staging staging, List<CohortPartition> plan, List<ExecutionContext> contexts) {
        PartitionOutputs outputs = new PartitionOutputs(staging, plan);
        outputs.contexts.addAll(contexts);
        return outputs;
    }

    /** Rows read per input file, in the order of the files. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> readPerFile() {
        Map<String, Long> read = new LinkedHashMap<>();
        for (ExecutionContext context : contexts) {
            Map<String, Long> partition = (Map<String, Long>) context.get(CohortReader.READ_PER_FILE);
            if (partition != null) {
                partition.forEach((file, rows) -> read.merge(file, rows, Long::sum));
            }
        }
        return read;
    }

    /** A count per input file that the readers saved under {@code key} ({@link CohortReader}), summed. */
    @SuppressWarnings("unchecked")
    Map<String, Long> perFile(String key) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ExecutionContext context : contexts) {
            Map<String, Long> partition = (Map<String, Long>) context.get(key);
            if (partition != null) {
                partition.forEach((file, n) -> counts.merge(file, n, Long::sum));
            }
        }
        return counts;
    }

    /** Rows {@code assessments.csv} received per input file, as its owner counted them while printing. */
    Map<String, Long> assessmentRows() {
        return rowsPerFile(StagedOutputWriter.ASSESSMENT_ROWS);
    }

    /** Rows {@code rejects.csv} received per input file, as its owner counted them while printing. */
    Map<String, Long> rejectRows() {
        return rowsPerFile(StagedOutputWriter.REJECT_ROWS);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> rowsPerFile(String key) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (ExecutionContext context : contexts) {
            Map<String, ? extends Number> partition = (Map<String, ? extends Number>) context.get(key);
            if (partition != null) {
                partition.forEach((file, count) -> rows.merge(file, count.longValue(), Long::sum));
            }
        }
        return rows;
    }

    /** The run's first rejects (at most {@link FirstRejects#LIMIT}), in partition order. */
    @SuppressWarnings("unchecked")
    List<String> firstRejects() {
        List<FirstRejects> parts = new ArrayList<>();
        for (ExecutionContext context : contexts) {
            parts.add(FirstRejects.of((List<String>) context.get(StagedOutputWriter.FIRST_REJECTS)));
        }
        return FirstRejects.merge(parts);
    }

    @SuppressWarnings("unchecked")
    public RunTally tally() {
        List<RunTally> tallies = new ArrayList<>();
        for (ExecutionContext context : contexts) {
            tallies.add(RunTally.of((Map<String, Long>) context.get(StagedOutputWriter.TALLY)));
        }
        return RunTally.sum(tallies);
    }

    /** Puts the partitions' published files together in the run's {@code publish/} folder. */
    void appendPublished() throws IOException {
        Files.createDirectories(staging.publish());
        for (String name : StagedOutputWriter.stagedFiles()) {
            if (name.startsWith("publish/")) {
                concatenate(name);
            }
        }
    }

    /**
     * Each partition's history feed and its committed length, in partition order; -1 for a partition assessed
     * before the feed existed (by an earlier TrialPath): its feed is lost.
     */
    List<HistoryFeed.Part> historyFeeds() {
        String key = StagedOutputWriter.lengthKey(StagedOutputWriter.HISTORY);
        List<HistoryFeed.Part> parts = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) {
            ExecutionContext context = contexts.get(k);
            parts.add(new HistoryFeed.Part(partition(k).root().resolve(StagedOutputWriter.HISTORY),
                    context.containsKey(key) ? context.getLong(key) : -1));
        }
        return parts;
    }

    /** Each partition's staging folder and trial tally, in partition order. */
    @SuppressWarnings("unchecked")
    List<TrialPublication.Partition> trialPartitions() {
        List<TrialPublication.Partition> parts = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) {
            parts.add(new TrialPublication.Partition(partition(k),
                    TrialTally.of((Map<String, Long>) contexts.get(k).get(StagedOutputWriter.TRIAL_TALLY))));
        }
        return parts;
    }

    /**
     * Puts the partitions' published files together in the run's {@code publish/} folder, and the first
     * {@code reportCap} entries of each list of the page in its {@code internal/} folder.
     */
    void combine(int reportCap) throws IOException {
        appendPublished();
        Files.createDirectories(staging.internal());
        long before = 0;
        List<Long> assessedBefore = new ArrayList<>();
        for (ExecutionContext context : contexts) {
            assessedBefore.add(before);
            @SuppressWarnings("unchecked")
            RunTally tally = RunTally.of((Map<String, Long>) context.get(StagedOutputWriter.TALLY));
            before += tally.assessed();
        }
        for (String feed : List.of(ReportFeeds.HIGH, ReportFeeds.ROUTINE, ReportFeeds.REVIEW, ReportFeeds.PEOPLE)) {
            mergeFeed(feed, reportCap, assessedBefore);
        }
        mergeFeed(ReportFeeds.REJECTS, reportCap, null);
    }

    private RunFolders.Staging partition(int index) {
        return staging.partition(plan.get(index).name());
    }

    private void concatenate(String name) throws IOException {
        Path target = staging.root().resolve(name);
        String lengthKey = StagedOutputWriter.lengthKey(name);
        if (!Files.exists(target)) {
            // the first partition's file becomes the run's: no copy of the largest part of a one-file run
            Files.move(partition(0).root().resolve(name), target, StandardCopyOption.ATOMIC_MOVE);
        }
        long header = name.endsWith(".csv") ? firstLineLength(target) : 0;
        long offset = contexts.get(0).getLong(lengthKey);
        for (int k = 1; k < plan.size(); k++) {
            long committed = contexts.get(k).getLong(lengthKey);
            Path part = partition(k).root().resolve(name);
            if (Files.exists(part)) {
                try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE);
                        FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
                    if (out.size() < offset) {
                        // an earlier part is neither in the file nor waiting to be appended: never write past a hole
                        throw new IOException(target + " holds " + out.size() + " bytes where its partitions before "
                                + plan.get(k).name() + " committed " + offset + ": a staged file was changed or lost");
                    }
                    // whatever an interrupted earlier attempt appended after the offset goes
                    out.truncate(offset);
                    out.position(offset);
                    long position = header;
                    while (position < committed) {
                        position += in.transferTo(position, committed - position, out);
                    }
                }
                Files.delete(part);
            }
            offset += committed - header;
        }
        if (Files.size(target) != offset) {
            throw new IOException(target + " holds " + Files.size(target) + " bytes where its partitions committed "
                    + offset + ": a staged file was changed or lost");
        }
    }

    private static long firstLineLength(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long length = 0;
            while (channel.read(buffer) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    length++;
                    if (buffer.get() == '\n') {
                        return length;
                    }
                }
                buffer.clear();
            }
            return length;
        }
    }

    /** @param ordinalOffsets per partition, the people assessed before it ({@code null}: lines have no ordinal) */
    private void mergeFeed(String feed, int cap, List<Long> ordinalOffsets) throws IOException {
        try (Writer out = Files.newBufferedWriter(staging.internal().resolve(feed), StandardCharsets.UTF_8)) {
            int written = 0;
            for (int k = 0; k < plan.size() && written < cap; k++) {
                Path part = partition(k).internal().resolve(feed);
                if (!Files.exists(part)) {
                    continue;
                }
                long length = contexts.get(k).getLong(StagedOutputWriter.lengthKey("internal/" + feed));
                try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        committed(Files.newInputStream(part), length), StandardCharsets.UTF_8))) {
                    String line;
                    while (written < cap && (line = in.readLine()) != null) {
                        if (ordinalOffsets != null) {
                            int space = line.indexOf(' ');
                            line = (Long.parseLong(line.substring(0, space)) + ordinalOffsets.get(k)) + line.substring(space);
                        }
                        out.write(line);
                        out.write('\n');
                        written++;
                    }
                }
            }
        }
    }

    /** The committed part of a staged file: what a chunk that never committed wrote after it is nobody's. */
    private static InputStream committed(InputStream in, long length) throws IOException {
        return BoundedInputStream.builder().setInputStream(in).setMaxCount(length).get();
    }
}
