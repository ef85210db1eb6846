package ca.trialpath.screening;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a (person, trial) pair stands in screening (screening.md, "The pair and its status"), and what each
 * status means for the morning worklist.
 */
public enum ScreeningStatus {
    /** First seen tonight, or seen before and nobody has acted. */
    NEW,
    /** A coordinator is looking at it. */
    PENDING,
    /** The care team or the person has been contacted. */
    CONTACTED,
    /** Screened: meets the criteria, not yet enrolled. */
    ELIGIBLE,
    /** Not now (for example until a scan); back on the worklist from its revisit date on. */
    DEFERRED,
    /** Screened: fails a criterion; the reason says which. */
    NOT_ELIGIBLE,
    /** The person declined the trial. */
    DECLINED,
    /** Enrolled: counted, never on the worklist again. */
    ENROLLED;

    /** The status a coordinator wrote, in any case; empty when it is none of ours. */
    public static Optional<ScreeningStatus> parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (ScreeningStatus status : values()) {
            if (status.name().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Someone still has work to do on the pair: it is on the worklist every night while it matches. */
    public boolean isOpen() {
        return this == NEW || this == PENDING || this == CONTACTED || this == ELIGIBLE;
    }

    /**
     * A decision that a change of the person's record or of the trial brings back to the worklist
     * (screening.md, "Reopened"). ENROLLED is closed for good: enrolment is not undone by a new scan.
     */
    public boolean canReopen() {
        return this == DEFERRED || this == NOT_ELIGIBLE || this == DECLINED;
    }

    /** The log must say why: which criterion failed, or what the person said. */
    public boolean needsReason() {
        return this == NOT_ELIGIBLE || this == DECLINED;
    }

    /** The log must say when to look again. */
    public boolean needsRevisitDate() {
        return this == DEFERRED;
    }

    /** A deferred pair is due from its revisit date on (the date itself included); other statuses never are. */
    public boolean revisitDue(LocalDate revisitDate, LocalDate runDate) {
        return this == DEFERRED && revisitDate != null && !revisitDate.isAfter(runDate);
    }
}
