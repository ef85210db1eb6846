package ca.trialpath.trials;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A study's minimum or maximum age as ClinicalTrials.gov writes it ({@code "18 Years"}, {@code "6 Months"},
 * {@code "N/A"}), compared with a person's completed age in that unit at the run date. Both limits are
 * inclusive: a maximum of {@code 75 Years} admits a person of 75 until their 76th birthday.
 *
 * @param amount {@code -1} for no limit
 */
public record EligibleAge(int amount, ChronoUnit unit) {

    public static final EligibleAge NO_LIMIT = new EligibleAge(-1, null);
    private static final Pattern AGE = Pattern.compile("(\\d{1,4})\\s+(year|month|week|day|hour|minute)s?",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param text absent, empty or {@code N/A} means no limit
     * @throws IllegalArgumentException for anything else that is not "number unit"
     */
    public static EligibleAge parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("N/A")) {
            return NO_LIMIT;
        }
        Matcher m = AGE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("age '" + text + "' is not a number and a unit (Years, Months, Weeks,"
                    + " Days, Hours, Minutes) nor N/A");
        }
        ChronoUnit unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "year" -> ChronoUnit.YEARS;
            case "month" -> ChronoUnit.MONTHS;
            case "week" -> ChronoUnit.WEEKS;
            case "day" -> ChronoUnit.DAYS;
            case "hour" -> ChronoUnit.HOURS;
            default -> ChronoUnit.MINUTES;
        };
        return new EligibleAge(Integer.parseInt(m.group(1)), unit);
    }

    public boolean isLimit() {
        return amount >= 0;
    }

    boolean admitsAsMinimum(LocalDate birth, LocalDate at) {
        return admitsAsMinimum(new CompletedAge(birth, at));
    }

    boolean admitsAsMaximum(LocalDate birth, LocalDate at) {
        return admitsAsMaximum(new CompletedAge(birth, at));
    }

    /** @param age the person's completed age, in this limit's unit ({@link CompletedAge#in}) */
    boolean admitsAsMinimum(CompletedAge age) {
        return !isLimit() || age.in(unit) >= amount;
    }

    boolean admitsAsMaximum(CompletedAge age) {
        return !isLimit() || age.in(unit) <= amount;
    }

    @Override
    public String toString() {
        return isLimit() ? amount + " " + unit.name().toLowerCase(Locale.ROOT) : "N/A";
    }
}
