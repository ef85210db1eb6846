package ca.trialpath.history;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The changes of one person between two runs, in the order of {@link ChangeKind}. A pure function. */
public final class PersonChanges {

    private PersonChanges() {
    }

    /**
     * @param before what the previous run concluded, {@code null} when the person was not in it
     * @param after  what this run concluded, {@code null} when the person is not in it
     */
    public static void between(PersonResult before, PersonResult after, Consumer<Change> changes) {
        if (before == null && after == null) {
            return;
        }
        if (before == null) {
            // everything about a new person is new: one row, not one per trial or option
            changes.accept(new Change(after.patientId(), ChangeKind.NEW_PERSON, "", after.pathway()));
            return;
        }
        if (after == null) {
            changes.accept(new Change(before.patientId(), ChangeKind.NO_LONGER_PRESENT, before.pathway(), ""));
            return;
        }
        String id = after.patientId();
        if (!before.pathway().equals(after.pathway())) {
            changes.accept(new Change(id, ChangeKind.PATHWAY_CHANGED, before.pathway(), after.pathway()));
        }
        if (!before.trialPriority().equals(after.trialPriority())) {
            changes.accept(new Change(id, ChangeKind.PRIORITY_CHANGED, before.trialPriority(), after.trialPriority()));
        }
        if (!before.options().equals(after.options())) {
            changes.accept(new Change(id, ChangeKind.OPTIONS_CHANGED, before.options(), after.options()));
        }
        if (before.matchedTrials().equals(after.matchedTrials())) {
            return; // the same list: no trial matched or lost (most people, most nights: no sets to build)
        }
        Set<String> trialsBefore = items(before.matchedTrials());
        Set<String> trialsAfter = items(after.matchedTrials());
        for (String trial : trialsAfter) {
            if (!trialsBefore.contains(trial)) {
                changes.accept(new Change(id, ChangeKind.TRIAL_MATCHED, "", trial));
            }
        }
        for (String trial : trialsBefore) {
            if (!trialsAfter.contains(trial)) {
                changes.accept(new Change(id, ChangeKind.TRIAL_NO_LONGER_MATCHED, trial, ""));
            }
        }
    }

    /** The items of a {@code ;}-list in their order, blanks left out. */
    static Set<String> items(String list) {
        Set<String> items = new LinkedHashSet<>();
        if (list == null) {
            return items;
        }
        for (String item : List.of(list.split(";"))) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
