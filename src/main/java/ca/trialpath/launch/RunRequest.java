package ca.trialpath.launch;

import ca.trialpath.report.ReportText;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job parameters a user typed, checked before anything starts.
 *
 * @param springArguments the {@code --name=value} arguments, passed to Spring Boot as they are
 * @param deidentify      publish keyed pseudonyms instead of patient ids, and no birth dates or free text
 * @param lang            the language of report.html, one of {@link ReportText#LANGUAGES}
 * @param lockWait        how long to wait for a run of the same output that is still going (a 05:00 retry meeting
 *                        the 02:00 run) before giving up; zero refuses at once. Not part of the run's identity
 */
public record RunRequest(Path input, Path output, LocalDate runDate, double maxRejectRate,
        List<String> springArguments, boolean deidentify, Path trials, Path trialCriteria, String lang,
        Duration lockWait) {

    public static final double DEFAULT_MAX_REJECT_RATE = 0.10;
    private static final Set<String> PARAMETERS = Set.of("input", "output", "runDate", "maxRejectRate", "deidentify",
            "trials", "trialCriteria", "lang", "lockWait", "allowFutureRunDate");
    /** A run date is the night's date; one past tomorrow is a typo (9999-12-31) unless asked for. */
    private static final int FUTURE_DAYS_ALLOWED = 1;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LOCK_WAIT = Pattern.compile("(\\d{1,6})([smh]?)");

    /** A run that does not wait for another run of its output. */
    public RunRequest(Path input, Path output, LocalDate runDate, double maxRejectRate, List<String> springArguments,
            boolean deidentify, Path trials, Path trialCriteria, String lang) {
        this(input, output, runDate, maxRejectRate, springArguments, deidentify, trials, trialCriteria, lang,
                Duration.ZERO);
    }

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
                                "trials", "trialCriteria", "lang", "lockWait", "allowFutureRunDate")) + ")");
            }
            String name = arg.substring(0, equals);
            if (!PARAMETERS.contains(name)) {
                throw new UsageException("unknown parameter '" + name
                        + "': known are input, output, runDate, maxRejectRate, deidentify, trials, trialCriteria, lang,"
                        + " lockWait, allowFutureRunDate");
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
        String allowFuture = values.getOrDefault("allowFutureRunDate", "false");
        if (!allowFuture.equals("true") && !allowFuture.equals("false")) {
            throw new UsageException("allowFutureRunDate '" + allowFuture + "' is not true or false");
        }
        LocalDate runDate = today;
        if (values.containsKey("runDate")) {
            String text = values.get("runDate");
            try {
                // four-digit years only: java.time also reads +999999999-12-31, which would name a folder
                runDate = ISO_DATE.matcher(text).matches() ? LocalDate.parse(text) : null;
            } catch (DateTimeParseException e) {
                runDate = null;
            }
            if (runDate == null) {
                throw new UsageException("runDate '" + text + "' is not a date YYYY-MM-DD");
            }
            if (runDate.isAfter(today.plusDays(FUTURE_DAYS_ALLOWED)) && !allowFuture.equals("true")) {
                throw new UsageException("runDate " + runDate + " is more than a day after today (" + today
                        + "): a typo? give allowFutureRunDate=true to publish a night of the future anyway");
            }
        }
        Duration lockWait = lockWait(values.get("lockWait"));
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
                lang, lockWait);
    }

    /** {@code lockWait=90s}, {@code 30m}, {@code 4h} or a number of seconds; absent: zero, refuse at once. */
    private static Duration lockWait(String value) {
        if (value == null) {
            return Duration.ZERO;
        }
        Matcher matcher = LOCK_WAIT.matcher(value.trim());
        if (!matcher.matches()) {
            throw new UsageException("lockWait '" + value + "' is not a duration such as 90s, 30m or 4h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
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
