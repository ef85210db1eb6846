package ca.trialpath.screening;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a night's run said about a pair, kept so the next night can tell whether a decision was taken on facts that
 * have since changed (screening.md, "Reopened"): the person's pathway and options, the trial result, each
 * criterion's verdict, and a version of the trial's curated criteria.
 *
 * @param result           MATCH or NEAR_MISS; {@code null} on a night the pair did not match at all
 * @param pathway          the person's pathway code (rules.md)
 * @param options          the person's option codes, in the order the run lists them
 * @param verdicts         every criterion's verdict
 * @param criteriaVersion  anything that changes when the trial's curated criteria change (a digest of them);
 *                         {@code ""} for a trial without curated criteria
 */
public record PairFacts(TrialMatch.Result result, String pathway, List<String> options,
        Map<Criterion, Verdict> verdicts, String criteriaVersion) {

    public PairFacts {
        pathway = pathway == null ? "" : pathway;
        options = List.copyOf(options);
        EnumMap<Criterion, Verdict> ordered = new EnumMap<>(Criterion.class);
        ordered.putAll(verdicts);
        verdicts = Collections.unmodifiableMap(ordered);
        criteriaVersion = criteriaVersion == null ? "" : criteriaVersion;
    }

    /**
     * What is different tonight from {@code before}, in words a coordinator reads on the worklist
     * ("pathway LOCAL_RECURRENCE to DISTANT_METASTASIS"); empty when nothing the spec names changed.
     */
    public List<String> changesSince(PairFacts before) {
        List<String> changes = new ArrayList<>();
        if (!pathway.equals(before.pathway)) {
            changes.add("pathway " + shown(before.pathway) + " to " + shown(pathway));
        }
        if (!options.equals(before.options)) {
            changes.add("options " + shown(String.join(";", before.options)) + " to " + shown(String.join(";", options)));
        }
        if (!Objects.equals(result, before.result)) {
            changes.add("result " + shown(before.result) + " to " + shown(result));
        }
        for (Criterion criterion : Criterion.values()) {
            Verdict was = before.verdicts.get(criterion);
            Verdict now = verdicts.get(criterion);
            if (!Objects.equals(was, now)) {
                changes.add(criterion + " " + shown(was) + " to " + shown(now));
            }
        }
        if (!criteriaVersion.equals(before.criteriaVersion)) {
            changes.add("trial criteria changed");
        }
        return changes;
    }

    private static String shown(Object value) {
        return value == null || value.toString().isEmpty() ? "none" : value.toString();
    }
}
