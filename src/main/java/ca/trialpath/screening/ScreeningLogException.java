package ca.trialpath.screening;

import java.util.List;

/**
 * A screening log the run cannot use: every problem found, each with file, line, column and (for ids, statuses and
 * dates only) the value. Thrown before any person is read; the run fails with exit 1.
 */
public final class ScreeningLogException extends Exception {

    /** A message lists at most this many problems, then says how many more there are. */
    static final int MAX_LISTED = 50;

    private final List<String> problems;

    public ScreeningLogException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        StringBuilder text = new StringBuilder("the screening log cannot be used (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):");
        problems.stream().limit(MAX_LISTED).forEach(problem -> text.append("\n  ").append(problem));
        if (problems.size() > MAX_LISTED) {
            text.append("\n  ... and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return text.toString();
    }
}
