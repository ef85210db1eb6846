package ca.trialpath.batch.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.batch.assess.FirstRejects;
import ca.trialpath.batch.assess.RunTally;
import ca.trialpath.batch.assess.StagedOutputWriter;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.report.RunFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Putting the partitions' staged files together: in partition order, one header, only what each partition
 * committed, and again after a crash at any point of it, with the same result.
 */
class PartitionOutputsTests {

    private static final String HEADER = "patient_id,source_file\n";

    @TempDir
    private Path temp;

    @Test
    void shouldPutThePartitionsEndToEndWithOneHeader() throws Exception {
        // given
        PartitionOutputs outputs = threePartitions();

        // when
        outputs.combine(10);

        // then
        assertThat(combined()).isEqualTo(HEADER + "a,f1\nb,f1\nc,f1\nd,f2\ne,f2\n");
        assertThat(Files.readString(staging().publish().resolve("assessments.jsonl"))).isEqualTo("{a}\n{b}\n{c}\n{d}\n{e}\n");
        assertThat(staging().partition("partition-00001").publish().resolve("assessments.csv")).doesNotExist();
    }

    @Test
    void shouldAddUpTheRowsTheOwnersPrintedPerInputFileAcrossPartitions() throws Exception {
        // when: the counts each partition's writer saved with its last commit (none saved for rejects in partition 1)
        PartitionOutputs outputs = threePartitions();

        // then
        assertThat(outputs.assessmentRows()).containsExactly(Map.entry("f1", 3L), Map.entry("f2", 2L));
        assertThat(outputs.rejectRows()).containsExactly(Map.entry("f1", 1L), Map.entry("f2", 1L));
    }

    @Test
    void shouldNameTheFirstTenRejectsOfTheRunInPartitionOrder() throws Exception {
        // when
        List<String> first = threePartitions().firstRejects();

        // then: six from partition 0, none from 1, then the first four of partition 2's six
        assertThat(first).hasSize(FirstRejects.LIMIT);
        assertThat(first.get(0)).isEqualTo("f1 line 0, R0: INVALID_VALUE (sex)");
        assertThat(first.get(6)).isEqualTo("f2 line 0, R0: INVALID_VALUE (sex)");
        assertThat(first.get(9)).isEqualTo("f2 line 3, R3: INVALID_VALUE (sex)");
    }

    @Test
    void shouldFinishAfterACrashBetweenAnAppendAndTheDeletionOfItsPart() throws Exception {
        // given: part 1 appended, then the process died before deleting it
        PartitionOutputs outputs = threePartitions();
        Path target = staging().publish().resolve("assessments.csv");
        Files.createDirectories(target.getParent());
        Files.move(staging().partition("partition-00000").root().resolve("publish/assessments.csv"), target);
        Files.writeString(target, "c,f1\n", StandardOpenOption.APPEND);

        // when
        outputs.combine(10);

        // then
        assertThat(combined()).isEqualTo(HEADER + "a,f1\nb,f1\nc,f1\nd,f2\ne,f2\n");
    }

    @Test
    void shouldFinishAfterACrashInTheMiddleOfAnAppend() throws Exception {
        // given: part 2 half appended after part 1 was appended and deleted
        PartitionOutputs outputs = threePartitions();
        Path target = staging().publish().resolve("assessments.csv");
        Files.createDirectories(target.getParent());
        Files.move(staging().partition("partition-00000").root().resolve("publish/assessments.csv"), target);
        Files.writeString(target, "c,f1\nd,f", StandardOpenOption.APPEND);
        Files.delete(staging().partition("partition-00001").root().resolve("publish/assessments.csv"));

        // when
        outputs.combine(10);

        // then
        assertThat(combined()).isEqualTo(HEADER + "a,f1\nb,f1\nc,f1\nd,f2\ne,f2\n");
    }

    @Test
    void shouldTakeOnlyWhatAPartitionCommitted() throws Exception {
        // given: partition 2's file holds an uncommitted row after its committed length
        PartitionOutputs outputs = threePartitions();
        Files.writeString(staging().partition("partition-00002").root().resolve("publish/assessments.csv"), "x,f2\n",
                StandardOpenOption.APPEND);

        // when
        outputs.combine(10);

        // then
        assertThat(combined()).isEqualTo(HEADER + "a,f1\nb,f1\nc,f1\nd,f2\ne,f2\n");
    }

    @Test
    void shouldRefuseWhenAPartitionsFileWasLostAfterItsTurn() throws Exception {
        // given: part 1 deleted although it was never appended
        PartitionOutputs outputs = threePartitions();
        Files.delete(staging().partition("partition-00001").root().resolve("publish/assessments.csv"));

        // then
        assertThatThrownBy(() -> outputs.combine(10)).isInstanceOf(IOException.class)
                .hasMessageContaining("a staged file was changed or lost");
    }

    @Test
    void shouldNumberThePeopleOfTheFeedsAcrossPartitionsAndKeepTheFirst() throws Exception {
        // when
        threePartitions().combine(3);

        // then: the ordinals of partition 1 follow the two people of partition 0; the cap is the run's
        assertThat(Files.readString(staging().internal().resolve(ca.trialpath.report.ReportFeeds.PEOPLE)))
                .isEqualTo("0 {a}\n1 {b}\n2 {c}\n");
    }

    private RunFolders.Staging staging() {
        return new RunFolders.Staging(temp.resolve("staging"));
    }

    private String combined() throws IOException {
        return Files.readString(staging().publish().resolve("assessments.csv"), StandardCharsets.UTF_8);
    }

    private static CohortPartition partition(int index, int fileIndex, String file, long startByte, long endByte,
            long startLine, long records) {
        return new CohortPartition(index, List.of(new CohortPartition.Piece(fileIndex, file, startByte, endByte,
                startLine, 0, records + 1, records, null)));
    }

    /** f1 cut after 2 rows (partitions 0 and 1), f2 whole (partition 2). */
    private PartitionOutputs threePartitions() throws IOException {
        List<CohortPartition> plan = List.of(
                partition(0, 0, "f1", 0, 30, 1, 2),
                partition(1, 0, "f1", 30, 40, 4, 1),
                partition(2, 1, "f2", 0, 30, 1, 2));
        List<List<String>> people = List.of(List.of("a", "b"), List.of("c"), List.of("d", "e"));
        List<ExecutionContext> contexts = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) {
            RunFolders.Staging part = staging().partition(plan.get(k).name());
            ExecutionContext context = new ExecutionContext();
            StringBuilder csv = new StringBuilder(HEADER);
            StringBuilder jsonl = new StringBuilder();
            StringBuilder feed = new StringBuilder();
            for (int i = 0; i < people.get(k).size(); i++) {
                String id = people.get(k).get(i);
                csv.append(id).append(',').append(plan.get(k).pieces().get(0).fileName()).append('\n');
                jsonl.append('{').append(id).append("}\n");
                feed.append(i).append(" {").append(id).append("}\n");
            }
            for (String name : StagedOutputWriter.stagedFiles()) {
                Path file = part.root().resolve(name);
                Files.createDirectories(file.getParent());
                String content = name.endsWith("assessments.jsonl") ? jsonl.toString()
                        : name.endsWith(ca.trialpath.report.ReportFeeds.PEOPLE) ? feed.toString()
                        : name.endsWith(".csv") ? (name.endsWith("assessments.csv") ? csv.toString() : HEADER) : "";
                Files.writeString(file, content);
                context.putLong(StagedOutputWriter.lengthKey(name), content.getBytes(StandardCharsets.UTF_8).length);
            }
            RunTally tally = new RunTally();
            context.put(StagedOutputWriter.TALLY, tally.snapshot());
            // two, one and two people assessed
            java.util.LinkedHashMap<String, Long> counts = new java.util.LinkedHashMap<>();
            counts.put("assessed", (long) people.get(k).size());
            context.put(StagedOutputWriter.TALLY, counts);
            String file = plan.get(k).pieces().get(0).fileName();
            context.put(StagedOutputWriter.ASSESSMENT_ROWS, new java.util.LinkedHashMap<>(
                    Map.of(file, (long) people.get(k).size())));
            if (k != 1) {
                context.put(StagedOutputWriter.REJECT_ROWS, new java.util.LinkedHashMap<>(Map.of(file, 1L)));
                FirstRejects rejects = new FirstRejects();
                for (int line = 0; line < 6; line++) {
                    rejects.add(new RejectedRow(file, line, "R" + line, ReasonCode.INVALID_VALUE,
                            "column 'sex': value 'Z' is not one of F, M, X, U"));
                }
                context.put(StagedOutputWriter.FIRST_REJECTS, rejects.snapshot());
            }
            contexts.add(context);
        }
        return PartitionOutputs.of(staging(), plan, contexts);
    }
}
