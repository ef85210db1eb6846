package ca.trialpath.cli;

import ca.trialpath.report.ReportText;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
 * @param supplement      the clinic's CSV completing NAACCR XML input (docs/naaccr-input.md), or {@code null}
 * @param screening       the coordinators' screening log (docs/screening.md), {@code null} when not given; its
 *                        SHA-256 is part of the run's identity, like every input's
 */
public record RunRequest(Path input, Path output, LocalDate runDate, double maxRejectRate,
        List<String> springArguments, boolean deidentify, Path trials, Path trialCriteria, String lang,
        Duration lockWait, Path supplement, Path screening) {

    /** A run with a clinical supplement and without a screening log. */
    public RunRequest(Path input, Path output, LocalDate runDate, double maxRejectRate, List<String> springArguments,
            boolean deidentify, Path trials, Path trialCriteria, String lang, Duration lockWait, Path supplement) {
        this(input, output, runDate, maxRejectRate, springArguments, deidentify, trials, trialCriteria, lang, lockWait,
                supplement, null);
    }

    public static final double DEFAULT_MAX_REJECT_RATE = 0.10;
    /** The parameters, in the order usage messages list them. */
    private static final List<String> PARAMETERS = List.of("input", "output", "runDate", "maxRejectRate", "deidentify",
            "trials", "trialCriteria", "screening", "lang", "lockWait", "allowFutureRunDate", "supplement");
    /** A run date is the night's date; one past tomorrow is a typo (9999-12-31) unless asked for. */
    private static final int FUTURE_DAYS_ALLOWED = 1;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LOCK_WAIT = Pattern.compile("(\\d{1,6})([smh]?)");

    /** A run without a clinical supplement or a screening log. */
    public RunRequest(Path input, Path output, LocalDate runDate, double maxRejectRate, List<String> springArguments,
            boolean deidentify, Path trials, Path trialCriteria, String lang, Duration lockWait) {
        this(input, output, runDate, maxRejectRate, springArguments, deidentify, trials, trialCriteria, lang,
                lockWait, null, null);
    }

    /** This request with the coordinators' screening log {@code screening}. */
    public RunRequest withScreening(Path screening) {
        return new RunRequest(input, output, runDate, maxRejectRate, springArguments, deidentify, trials,
                trialCriteria, lang, lockWait, supplement, screening);
    }

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
        Arguments arguments = Arguments.parse(List.of(args), PARAMETERS);
        String input = arguments.required("input", "PATH (a cohort CSV file or a folder of them)");
        String output = arguments.notBlank("output", "reports");
        boolean allowFuture = arguments.flag("allowFutureRunDate", false);
        LocalDate runDate = today;
        if (arguments.has("runDate")) {
            String text = arguments.value("runDate");
            try {
                // four-digit years only: java.time also reads +999999999-12-31, which would name a folder
                runDate = ISO_DATE.matcher(text).matches() ? LocalDate.parse(text) : null;
            } catch (DateTimeParseException e) {
                runDate = null;
            }
            if (runDate == null) {
                throw new UsageException("runDate '" + text + "' is not a date YYYY-MM-DD");
            }
            if (runDate.isAfter(today.plusDays(FUTURE_DAYS_ALLOWED)) && !allowFuture) {
                throw new UsageException("runDate " + runDate + " is more than a day after today (" + today
                        + "): a typo? give allowFutureRunDate=true to publish a night of the future anyway");
            }
        }
        Duration lockWait = lockWait(arguments.value("lockWait"));
        double maxRejectRate = DEFAULT_MAX_REJECT_RATE;
        if (arguments.has("maxRejectRate")) {
            try {
                maxRejectRate = Double.parseDouble(arguments.value("maxRejectRate"));
            } catch (NumberFormatException e) {
                maxRejectRate = Double.NaN;
            }
            if (!(maxRejectRate >= 0 && maxRejectRate <= 1)) {
                throw new UsageException("maxRejectRate '" + arguments.value("maxRejectRate")
                        + "' is not a number from 0 to 1");
            }
        }
        boolean deidentify = arguments.flag("deidentify", false);
        Path trials = arguments.path("trials");
        Path trialCriteria = arguments.path("trialCriteria");
        if (trialCriteria != null && trials == null) {
            throw new UsageException("trialCriteria=PATH needs trials=PATH: criteria without a catalogue match nothing");
        }
        Path screening = arguments.path("screening");
        if (screening != null && trials == null) {
            throw new UsageException("screening=PATH needs trials=PATH: the screening log is about trial matches");
        }
        if (screening != null && deidentify) {
            throw new UsageException("screening=PATH cannot be given with deidentify=true: the log names people by"
                    + " their patient ids and holds the coordinators' notes (a de-identified run keeps no screening)");
        }
        String lang = arguments.value("lang", ReportText.DEFAULT_LANGUAGE);
        if (!ReportText.LANGUAGES.contains(lang)) {
            throw new UsageException("lang '" + lang + "' is not one of " + String.join(", ", ReportText.LANGUAGES));
        }
        Path supplement = arguments.path("supplement");
        return new RunRequest(Path.of(input).toAbsolutePath().normalize(), Path.of(output).toAbsolutePath().normalize(),
                runDate, maxRejectRate, arguments.spring(), deidentify, trials, trialCriteria, lang, lockWait,
                supplement == null ? null : supplement.toAbsolutePath().normalize(), screening);
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
}
