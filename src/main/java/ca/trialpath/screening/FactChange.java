package ca.trialpath.screening;

import java.time.LocalDate;
import java.util.Objects;

/** A change of a pair's facts seen on one night's run, in words ("ECOG UNKNOWN to MET"): a reason to reopen. */
public record FactChange(LocalDate runDate, String what) {

    public FactChange {
        Objects.requireNonNull(runDate, "runDate");
        Objects.requireNonNull(what, "what");
    }
}
