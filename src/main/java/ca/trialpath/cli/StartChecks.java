package ca.trialpath.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What is checked before Spring starts, so that a night that cannot run says so in one line naming the thing and
 * the fix (docs/troubleshooting.md), instead of a framework's banner and stack trace: the configuration files the
 * command names, the log file's folder, the H2 job repository's folder and the free space. Spring would find the
 * same problems later, in forms an operator cannot act on at 2 a.m.
 */
final class StartChecks {

    /** Below this much free space a night is not started: H2 and the staged files need room to commit. */
    static final long MIN_FREE_BYTES = 64L * 1024 * 1024;
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("properties", "xml", "yml", "yaml");
    private static final String LOCATION = "--spring.config.location=";
    private static final String ADDITIONAL_LOCATION = "--spring.config.additional-location=";
    static final String LOG_FILE = "logging.file.name";

    /** The settings the checks read: the configuration files' .properties, then the command line's {@code --k=v}. */
    private final Map<String, String> settings;

    private StartChecks(Map<String, String> settings) {
        this.settings = settings;
    }

    /**
     * Reads the configuration files the Spring arguments name.
     *
     * @throws UsageException when one is missing, unreadable, a folder, or of a kind Spring cannot read
     */
    static StartChecks of(List<String> springArguments) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String argument : springArguments) {
            String locations = argument.startsWith(LOCATION) ? argument.substring(LOCATION.length())
                    : argument.startsWith(ADDITIONAL_LOCATION) ? argument.substring(ADDITIONAL_LOCATION.length())
                    : null;
            if (locations == null) {
                continue;
            }
            String option = argument.substring(2, argument.indexOf('='));
            for (String location : locations.split(",")) {
                readLocation(location.trim(), option, settings);
            }
        }
        for (String argument : springArguments) {
            int equals = argument.indexOf('=');
            if (equals > 2) {
                settings.put(argument.substring(2, equals), argument.substring(equals + 1));
            }
        }
        return new StartChecks(settings);
    }

    private static void readLocation(String location, String option, Map<String, String> settings) {
        if (location.isEmpty() || location.startsWith("optional:") || location.startsWith("classpath:")) {
            return;
        }
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location)
                .toAbsolutePath().normalize();
        String fix = " (named by --" + option + ", TRIALPATH_CONFIG in jobs/trialpath-nightly.sh): ";
        if (location.endsWith("/")) {
            if (!Files.isDirectory(path)) {
                throw new UsageException("configuration folder " + path + " does not exist" + fix
                        + "create it or fix the location");
            }
            return;
        }
        if (!Files.exists(path)) {
            throw new UsageException("configuration file " + path + " does not exist" + fix
                    + "copy jobs/nightly.properties there (docs/install.md) or fix the location");
        }
        if (Files.isDirectory(path)) {
            throw new UsageException("configuration file " + path + " is a folder" + fix
                    + "name the file, or end a folder's location with /");
        }
        if (!Files.isReadable(path)) {
            throw new UsageException("configuration file " + path + " cannot be read by user " + user() + fix
                    + "chgrp " + user() + " " + path + " && chmod 640 " + path);
        }
        String name = path.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!CONFIG_EXTENSIONS.contains(extension)) {
            throw new UsageException("configuration file " + path + " is not a .properties or .yml file" + fix
                    + "rename it or name the right file");
        }
        if (extension.equals("properties")) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new UsageException("configuration file " + path + " cannot be read: " + e.getMessage() + fix
                        + "fix the file");
            }
            properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key).trim()));
        }
    }

    String setting(String name) {
        return settings.get(name);
    }

    /**
     * The log file, when one is configured and its folder cannot be written: then the command logs to standard
     * output only and says so in one line (logback would print a stack trace on every run and log nothing).
     *
     * @return the Spring argument that turns the log file off, or {@code null} when the log file is fine
     */
    String unwritableLogFile(List<String> warnings) {
        String file = settings.get(LOG_FILE);
        if (file == null || file.isBlank() || file.contains("${")) {
            return null;
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        Path folder = path.getParent();
        String problem = null;
        try {
            Files.createDirectories(folder);
            if (!Files.isWritable(folder) || (Files.exists(path) && !Files.isWritable(path))) {
                problem = "not writable by user " + user();
            }
        } catch (IOException e) {
            problem = "its folder cannot be created by user " + user() + ": " + e.getClass().getSimpleName();
        }
        if (problem == null) {
            return null;
        }
        warnings.add("trialpath: cannot write the log file " + path + " (" + problem + "); logging to standard output"
                + " only. Fix: install -d -o " + user() + " -m 750 " + folder + " (docs/install.md), or set "
                + LOG_FILE + "= to log to the journal");
        return "--" + LOG_FILE + "=";
    }

    /**
     * The H2 job repository's folder, when the job repository is the H2 file (not PostgreSQL, nor another URL).
     *
     * @throws UsageException when it cannot be created or written
     */
    Path checkRepositoryFolder() {
        String profiles = settings.getOrDefault("spring.profiles.active", "");
        String url = settings.get("spring.datasource.url");
        if (profiles.contains("postgres") || (url != null && !url.contains("${trialpath.repository.path}"))) {
            return null;
        }
        Path repository = Path.of(settings.getOrDefault(TrialPathCommand.REPOSITORY_PATH, "./data/trialpath-repository"))
                .toAbsolutePath().normalize();
        Path folder = repository.getParent();
        Path file = repository.resolveSibling(repository.getFileName() + ".mv.db");
        String fix = ": create it for this account with install -d -o " + user() + " -m 700 " + folder
                + " (docs/install.md), or set " + TrialPathCommand.REPOSITORY_PATH;
        // not created here: H2 makes it, and a call that fails later should leave nothing behind
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new UsageException("the job repository's folder " + folder + " cannot be created by user " + user()
                    + " (" + (existing == null ? "no such file system" : existing + " is not a writable folder") + ")"
                    + fix);
        }
        if (!existing.equals(folder)) {
            return null;
        }
        if (!Files.isWritable(folder) || (Files.exists(file) && !(Files.isWritable(file) && Files.isReadable(file)))) {
            throw new UsageException("the job repository " + (Files.exists(file) ? file : folder)
                    + " is not writable by user " + user() + fix);
        }
        return folder;
    }

    /**
     * Whether each folder's file system has room for a night; a message naming the fullest one otherwise.
     *
     * @param minFree the least free space, {@link #MIN_FREE_BYTES} but for the tests
     */
    static String lowDiskSpace(List<Path> folders, long minFree) {
        for (Path folder : folders) {
            if (folder == null) {
                continue;
            }
            try {
                FileStore store = Files.getFileStore(folder);
                long free = store.getUsableSpace();
                if (free < minFree) {
                    return "trialpath: only " + free / (1024 * 1024) + " MiB free on the file system of " + folder
                            + " (at least " + minFree / (1024 * 1024) + " MiB needed): free some space, then run again;"
                            + " this run did not start";
                }
            } catch (IOException e) {
                // a folder that cannot be inspected is reported by whatever uses it
            }
        }
        return null;
    }

    static List<Path> existing(Path... folders) {
        List<Path> paths = new ArrayList<>();
        for (Path folder : folders) {
            if (folder != null && Files.isDirectory(folder)) {
                paths.add(folder);
            }
        }
        return paths;
    }

    static String user() {
        return System.getProperty("user.name", "the service account");
    }
}
