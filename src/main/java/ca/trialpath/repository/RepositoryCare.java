package ca.trialpath.repository;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looking after the job repository from the output folder it serves, whose {@code .trialpath/} work folder
 * outlives a damaged database: a watermark (the last execution this output's publication saw, and the database's
 * URL) that tells a repository which silently lost runs (H2 opens some truncated files as an older or empty
 * database) from one that was deleted on purpose, and the nightly backup of an H2 repository ({@code SCRIPT TO},
 * gzip) that {@code restore-repository} reads back. See docs/troubleshooting.md.
 */
public final class RepositoryCare {

    /** Backups kept per output folder: a week of nights. */
    static final int BACKUPS_KEPT = 7;
    private static final String WATERMARK = "repository.watermark";
    private static final String BACKUPS = "repository-backup";
    private static final String NIGHT = "night.";
    static final int NIGHTS_KEPT = 60;

    private final Path work;

    /** @param work the output's work folder, {@code <output>/.trialpath} */
    public RepositoryCare(Path work) {
        this.work = work;
    }

    public Path watermarkFile() {
        return work.resolve(WATERMARK);
    }

    public Path backupFolder() {
        return work.resolve(BACKUPS);
    }

    /** The highest job execution id the repository holds (0 when it holds none). */
    public static long lastExecution(DataSource dataSource) {
        Long last = new JdbcTemplate(dataSource).queryForObject(
                "SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0) FROM BATCH_JOB_EXECUTION", Long.class);
        return last == null ? 0 : last;
    }

    /**
     * What is wrong when the repository at {@code url} knows fewer executions than this output's last publication
     * saw, or {@code null} when nothing is: a repository of another URL, or one this output never recorded, is
     * taken as it is.
     */
    public String lostRuns(String url, long lastExecution) throws IOException {
        Path file = watermarkFile();
        if (!Files.exists(file)) {
            return null;
        }
        Properties watermark = load();
        long seen;
        try {
            seen = Long.parseLong(watermark.getProperty("lastExecution", "0"));
        } catch (NumberFormatException e) {
            return null;
        }
        if (!url.equals(watermark.getProperty("url")) || lastExecution >= seen) {
            return null;
        }
        return "it knows executions up to " + lastExecution + " but this output's last publication was execution "
                + seen + " (" + file + ")";
    }

    /**
     * Records the repository's state after a publication, and the night published with its input fingerprint (the
     * command's way to answer a rerun without starting Spring), replacing the file whole.
     */
    public void recordWatermark(String url, long lastExecution, LocalDate night, String fingerprint)
            throws IOException {
        Files.createDirectories(work);
        Properties watermark = load();
        watermark.setProperty("url", url);
        watermark.setProperty("lastExecution", Long.toString(lastExecution));
        if (night != null && fingerprint != null) {
            watermark.setProperty(NIGHT + night, fingerprint + " " + lastExecution);
            // the last nights are enough: a rerun is for the night just past, or a few before
            List<String> nights = watermark.stringPropertyNames().stream().filter(k -> k.startsWith(NIGHT)).sorted()
                    .toList();
            for (int i = 0; i < nights.size() - NIGHTS_KEPT; i++) {
                watermark.remove(nights.get(i));
            }
        }
        Path temporary = work.resolve(WATERMARK + ".new");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            watermark.store(writer, "the job repository as the last publication of this output left it");
        }
        Files.move(temporary, watermarkFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The night's publication as recorded once its execution completed: {@code [fingerprint, execution id]}, or
     * {@code null} when this output recorded none for that date.
     */
    public String[] publishedNight(LocalDate night) throws IOException {
        String value = load().getProperty(NIGHT + night);
        if (value == null || !value.contains(" ")) {
            return null;
        }
        return value.split(" ", 2);
    }

    private Properties load() throws IOException {
        Properties watermark = new Properties();
        if (Files.exists(watermarkFile())) {
            try (Reader reader = Files.newBufferedReader(watermarkFile(), StandardCharsets.UTF_8)) {
                watermark.load(reader);
            }
        }
        return watermark;
    }

    /**
     * Writes an H2 repository to {@code repository-backup/repository-<date>.sql.gz} (H2's {@code SCRIPT TO}: the
     * tables, their rows and the sequences, readable by {@code RUNSCRIPT}) and keeps the last {@link #BACKUPS_KEPT}.
     */
    public Path backUpH2(DataSource dataSource, LocalDate runDate) throws IOException {
        Path folder = Files.createDirectories(backupFolder());
        Path backup = folder.resolve("repository-" + runDate + ".sql.gz");
        Path temporary = folder.resolve("repository-" + runDate + ".sql.gz.new");
        Files.deleteIfExists(temporary);
        new JdbcTemplate(dataSource).execute("SCRIPT TO '" + temporary.toString().replace("'", "''")
                + "' COMPRESSION GZIP");
        Files.move(temporary, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        List<Path> backups;
        try (Stream<Path> files = Files.list(folder)) {
            backups = files.filter(f -> f.getFileName().toString().matches("repository-.*\\.sql\\.gz"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        }
        for (int i = 0; i < backups.size() - BACKUPS_KEPT; i++) {
            Files.deleteIfExists(backups.get(i));
        }
        return backup;
    }

    /** The newest backup of this output's repository, or {@code null}. */
    public Path newestBackup() throws IOException {
        if (!Files.isDirectory(backupFolder())) {
            return null;
        }
        try (Stream<Path> files = Files.list(backupFolder())) {
            return files.filter(f -> f.getFileName().toString().matches("repository-.*\\.sql\\.gz"))
                    .max(Comparator.comparing(f -> f.getFileName().toString())).orElse(null);
        }
    }
}
