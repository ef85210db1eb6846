package ca.trialpath.job;

import java.io.Serializable;

/**
 * One part of the cohort that the assessment step reads on its own, possibly at the same time as the others (or on
 * another machine): a whole input file, or a run of consecutive records of one. Partitions are numbered in
 * file-name then line order, and the run's files are their outputs put end to end in that order, so a run gives
 * the same rows in the same order however many threads assess it.
 *
 * @param index     the partition's position in the run (0 first)
 * @param fileIndex the file's position among the run's input files
 * @param fileName  the file's name as the outputs show it
 * @param filePath  where to read it
 * @param fileBytes the file's size when the run was inspected: a different size means it changed under the run
 * @param startByte where the partition's first record starts (0: the file's start, header included)
 * @param startLine the line {@code startByte} is on
 * @param records   how many records (rows after the header) the partition holds
 */
record CohortPartition(int index, int fileIndex, String fileName, String filePath, long fileBytes, long startByte,
        long startLine, long records) implements Serializable {

    /** The key of the partition in its step execution context. */
    static final String KEY = "partition";

    /** The partition's name: step executions are named after it, in an order that sorts as the partitions do. */
    String name() {
        return String.format("partition-%05d", index);
    }

    boolean startsTheFile() {
        return startByte == 0;
    }
}
