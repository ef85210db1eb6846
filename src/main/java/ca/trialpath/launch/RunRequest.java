package ca.trialpath.launch;

import ca.trialpath.report.ReportText;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The job parameters a user typed, checked before anything starts.
 *
 * @param springArguments the {@code --name=value} arguments, passed to Spring Boot as they are
 * @param deidentify      publish keyed pseudonyms instead of patient ids, and no birth dates or free text
 * @param lang            the language of report.html, one of {@link ReportText#LANGUAGES}
 */
public record RunRequest(Path input, Path output, LocalDate runDate, double maxRejectRate,
        List<String> springArguments, boolean deidentify, Path trials, Path trialCriteria, String lang) {

    public static final double DEFAULT_MAX_REJECT_RATE = 0.10;
    private static final Set<String> PARAMETERS = Set.of("input", "output", "runDate", "maxRejectRate", "deidentify",
            "trials", "trialCriteria", "lang");

    /** A plain (not de-identified) run without a trial catalogue, with an English report. */
    public RunRequest(Path input, Path output, LocalDate runDate, double maxRejectRate, List<String> springArguments) {
        this(input, output, runDate, maxRejectRate, springArguments, false);
    }

    /** A run without a trial catalogue: no matching. */
    public RunRequest(Path input, Path output, LocalDate runDate, double maxRejectRate, List<String> springArguments,
            boolean deidentify) {
        this(input, output, runDate, maxRejectRate, springArguments, deidentify, null, null);
    }

    /** A run with an English report. */
    public RunRequest(Path input, Path output, LocalDate runDate, double maxRejectRate, List<String> springArguments,
            boolean deidentify, Path trials, Path trialCriteria) {
        this(input, output, runDate, maxRejectRate, springArguments, deidentify, trials, trialCriteria,
                ReportText.DEFAULT_LANGUAGE);
    }

    /** @throws UsageException naming the first thing wrong */
    public static RunRequest parse(String[] args, LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                spring.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("unexpected argument '" + arg + "': parameters are name=value ("
                        + String.join(", ", List.of("input", "output", "runDate", "maxRejectRate", "deidentify",
                                "trials", "trialCriteria", "lang")) + ")");
            }
            String name = arg.substring(0, equals);
            if (!PARAMETERS.contains(name)) {
                throw new UsageException("unknown parameter '" + name
                        + "': known are input, output, runDate, maxRejectRate, deidentify, trials, trialCriteria, lang");
            }
            if (values.put(name, arg.substring(equals + 1)) != null) {
                throw new UsageException("parameter '" + name + "' is given twice");
            }
        }
        String input = values.get("input");
        if (input == null || input.isBlank()) {
            throw new UsageException("missing parameter input=PATH (a cohort CSV file or a folder of them)");
        }
        String output = values.getOrDefault("output", "reports");
        if (output.isBlank()) {
            throw new UsageException("parameter output is empty");
        }
        LocalDate runDate = today;
        if (values.containsKey("runDate")) {
            try {
                runDate = LocalDate.parse(values.get("runDate"));
            } catch (DateTimeParseException e) {
                throw new UsageException("runDate '" + values.get("runDate") + "' is not a date YYYY-MM-DD");
            }
        }
        double maxRejectRate = DEFAULT_MAX_REJECT_RATE;
        if (values.containsKey("maxRejectRate")) {
            try {
                maxRejectRate = Double.parseDouble(values.get("maxRejectRate"));
            } catch (NumberFormatException e) {
                maxRejectRate = Double.NaN;
            }
            if (!(maxRejectRate >= 0 && maxRejectRate <= 1)) {
                throw new UsageException("maxRejectRate '" + values.get("maxRejectRate") + "' is not a number from 0 to 1");
            }
        }
        String deidentify = values.getOrDefault("deidentify", "false");
        if (!deidentify.equals("true") && !deidentify.equals("false")) {
            throw new UsageException("deidentify '" + deidentify + "' is not true or false");
        }
        Path trials = optionalPath(values, "trials");
        Path trialCriteria = optionalPath(values, "trialCriteria");
        if (trialCriteria != null && trials == null) {
            throw new UsageException("trialCriteria=PATH needs trials=PATH: criteria without a catalogue match nothing");
        }
        String lang = values.getOrDefault("lang", ReportText.DEFAULT_LANGUAGE);
        if (!ReportText.LANGUAGES.contains(lang)) {
            throw new UsageException("lang '" + lang + "' is not one of " + String.join(", ", ReportText.LANGUAGES));
        }
        return new RunRequest(Path.of(input).toAbsolutePath().normalize(), Path.of(output).toAbsolutePath().normalize(),
                runDate, maxRejectRate, List.copyOf(spring), Boolean.parseBoolean(deidentify), trials, trialCriteria,
                lang);
    }

    private static Path optionalPath(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new UsageException("parameter " + name + " is empty");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
