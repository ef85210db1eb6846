/**
 * Exact duplicate patient-id detection for any cohort size in bounded memory, with no Spring.
 *
 * <p>Three passes, each able to run per partition (a file, or a range of lines of one; partitions are numbered
 * 0 to n - 1 in file-name-then-line order) in its own thread or process, sharing one folder:
 * <ol>
 * <li>collect: one {@link ca.trialpath.duplicates.IdSpill} per partition receives the ids of its valid rows
 * in line order and writes them as sorted runs;</li>
 * <li>find: {@link ca.trialpath.duplicates.DuplicateFinder#find} merges every run (an external merge sort),
 * groups equal ids and writes each partition's duplicates in line order, naming for each the first row of
 * its id, the one with the smallest (partition, line);</li>
 * <li>ask: one {@link ca.trialpath.duplicates.DuplicateCursor} per partition answers, row by row in line
 * order, whether the row is a duplicate and of which first row.</li>
 * </ol>
 *
 * <p>Memory: a spill holds {@code maxIdsInMemory} ids at about 36 bytes plus one byte an ASCII char each
 * (250,000 ten-char ids: about 12 MB); the finder holds {@code maxIdsInMemory} duplicates at about 32 bytes each
 * and at most {@value ca.trialpath.duplicates.DuplicateFinder#MAX_OPEN_RUNS} open runs with a 64 KB buffer each.
 * Disk: the runs take about five bytes plus the id's bytes per id, and are deleted once the duplicates are found.
 */
package ca.trialpath.duplicates;
