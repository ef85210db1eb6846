package ca.trialpath.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Which files a run reads: one CSV file, or every {@code *.csv} of a folder in file-name order. */
public final class CohortFiles {

    private CohortFiles() {
    }

    /**
     * @throws IllegalArgumentException when the input is missing, unreadable or a folder without CSV files
     */
    public static List<Path> resolve(Path input) {
        if (!Files.exists(input)) {
            throw new IllegalArgumentException("input " + input + " does not exist");
        }
        if (!Files.isReadable(input)) {
            throw new IllegalArgumentException("input " + input + " is not readable");
        }
        if (Files.isRegularFile(input)) {
            return List.of(input.toAbsolutePath().normalize());
        }
        try (Stream<Path> entries = Files.list(input)) {
            List<Path> files = entries
                    .filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .map(path -> path.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("input folder " + input + " holds no *.csv file");
            }
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    throw new IllegalArgumentException("input " + file + " is not readable");
                }
            }
            return files;
        } catch (IOException e) {
            throw new IllegalArgumentException("input folder " + input + " cannot be listed: " + e.getMessage());
        }
    }
}
