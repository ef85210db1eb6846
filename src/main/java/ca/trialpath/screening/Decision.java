package ca.trialpath.screening;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One status of a pair with its date and the coordinator's words: a row of the log's history, never overwritten.
 *
 * @param reason      why NOT_ELIGIBLE or DECLINED (may be given for any status); {@code ""} when none
 * @param revisitDate when a DEFERRED pair comes back; {@code null} when none
 * @param screenedBy  initials or a role; {@code ""} when none
 * @param note        free text; {@code ""} when none
 */
public record Decision(ScreeningStatus status, LocalDate statusDate, String reason, LocalDate revisitDate,
        String screenedBy, String note) implements Serializable {

    public Decision {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusDate, "statusDate");
        reason = reason == null ? "" : reason;
        screenedBy = screenedBy == null ? "" : screenedBy;
        note = note == null ? "" : note;
    }

    /** What the product records for a pair first seen on {@code date}, before anybody acts. */
    public static Decision firstSeen(LocalDate date) {
        return new Decision(ScreeningStatus.NEW, date, "", null, "", "");
    }
}
