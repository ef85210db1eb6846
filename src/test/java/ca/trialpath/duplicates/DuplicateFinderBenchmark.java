package ca.trialpath.duplicates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Times ids through {@link IdSpill}, {@link DuplicateFinder} and {@link DuplicateCursor} on one thread. Not a
 * test: run by hand, on an idle machine for numbers that mean something.
 *
 * <pre>
 * java -cp target/classes:target/test-classes ca.trialpath.duplicates.DuplicateFinderBenchmark IDS PARTITIONS MAX_IDS_IN_MEMORY DUPLICATE_RATE ROUNDS
 * </pre>
 */
public final class DuplicateFinderBenchmark {

    private DuplicateFinderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int ids = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int maxIdsInMemory = args.length > 2 ? Integer.parseInt(args[2]) : 250_000;
        double duplicateRate = args.length > 3 ? Double.parseDouble(args[3]) : 0.001;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        // ids made before timing: the job's reader makes them anyway
        String[] patientIds = new String[ids];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ids; i++) {
            int person = random.nextDouble() < duplicateRate && i > 0 ? random.nextInt(i) : i;
            patientIds[i] = "P" + String.format("%09d", person);
        }
        Path folder = Files.createTempDirectory("duplicates-bench");
        try {
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                int each = (ids + partitions - 1) / partitions;
                for (int partition = 0; partition < partitions; partition++) {
                    try (IdSpill spill = new IdSpill(folder, partition, maxIdsInMemory)) {
                        for (int i = partition * each, line = 2; i < Math.min(ids, (partition + 1) * each); i++) {
                            spill.add(patientIds[i], line++);
                        }
                    }
                }
                long added = System.nanoTime();
                DuplicateFinder.Summary summary = DuplicateFinder.find(folder, partitions, maxIdsInMemory);
                long found = System.nanoTime();
                long duplicates = 0;
                for (int partition = 0; partition < partitions; partition++) {
                    try (DuplicateCursor cursor = DuplicateCursor.open(folder, partition)) {
                        for (int line = 2; line < each + 2; line++) {
                            if (cursor.firstRowOf(line) != null) {
                                duplicates++;
                            }
                        }
                    }
                }
                long asked = System.nanoTime();
                System.out.printf("round %d: %s; add %.2f s, find %.2f s, ask %.2f s: %,.0f ids/s through add + find%n",
                        round, summary, (added - start) / 1e9, (found - added) / 1e9, (asked - found) / 1e9,
                        ids / ((found - start) / 1e9));
                if (duplicates != summary.duplicates()) {
                    throw new IllegalStateException(duplicates + " duplicates asked, " + summary + " found");
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
