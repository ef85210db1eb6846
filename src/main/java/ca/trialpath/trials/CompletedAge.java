package ca.trialpath.trials;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * A person's completed age at the run date in each unit a study may give a limit in ({@link EligibleAge}).
 * The matcher works it out once per person, not once per (person, study) pair: years and months come from
 * one {@link Period}, weeks, days, hours and minutes from one count of days, each when first asked for.
 * Not shared between threads.
 */
final class CompletedAge {

    private final LocalDate birth;
    private final LocalDate at;
    private Period period;
    private long days;
    private boolean daysCounted;

    CompletedAge(LocalDate birth, LocalDate at) {
        this.birth = birth;
        this.at = at;
    }

    /** Completed units from birth to the run date; hours and minutes count in whole days. */
    long in(ChronoUnit unit) {
        return switch (unit) {
            case YEARS -> period().getYears();
            case MONTHS -> period().toTotalMonths();
            case WEEKS -> days() / 7; // what ChronoUnit.WEEKS.between gives for two dates
            case DAYS -> days();
            case HOURS -> days() * 24;
            default -> days() * 24 * 60;
        };
    }

    private Period period() {
        if (period == null) {
            period = Period.between(birth, at);
        }
        return period;
    }

    private long days() {
        if (!daysCounted) {
            days = ChronoUnit.DAYS.between(birth, at);
            daysCounted = true;
        }
        return days;
    }
}
