package ca.trialpath.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which files a run reads: one file, or every cohort CSV ({@code *.csv}) and NAACCR XML ({@code *.xml},
 * {@code *.xml.gz}) file of a folder in file-name order, each read in its own format.
 */
public final class CohortFiles {

    private CohortFiles() {
    }

    /** A cohort CSV file, or a NAACCR XML file (as {@code ca.trialpath.naaccr.NaaccrExtract#isNaaccrFile} says). */
    static boolean isInputFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || isNaaccrName(name);
    }

    /** By the name, as {@code NaaccrExtract.isNaaccrFile}; kept here so that cohort/ does not depend on naaccr/. */
    public static boolean isNaaccrFile(Path path) {
        return isNaaccrName(path.getFileName().toString().toLowerCase(Locale.ROOT));
    }

    private static boolean isNaaccrName(String lowerCaseName) {
        return lowerCaseName.endsWith(".xml") || lowerCaseName.endsWith(".xml.gz");
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
                    .filter(CohortFiles::isInputFile)
                    .map(path -> path.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("input folder " + input + " holds no *.csv, *.xml or *.xml.gz file");
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
