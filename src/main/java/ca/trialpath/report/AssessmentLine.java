package ca.trialpath.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One line of {@code assessments.jsonl} as the report shows it: values as text, {@code null} where the job
 * recorded none.
 *
 * @param ordinal position of the line among the assessments (0-based, input order)
 * @param facts the recorded facts by their JSON name, in file order; lists joined with {@code ", "}
 */
record AssessmentLine(
        long ordinal,
        String patientId,
        String sourceFile,
        String sourceLine,
        String primarySite,
        String pathway,
        String pathwayRule,
        String pathwayBasis,
        String extent,
        String treatmentGoal,
        boolean trialDiscussion,
        String trialPriority,
        String trialRule,
        List<String> reviewFlags,
        String ageAtRecurrence,
        String province,
        String guidelineVersion,
        List<Option> options,
        Map<String, String> facts,
        List<PersonTrial> trials) {

    /** One of the person's trials (trials.md), {@code trials} being {@code null} in a run without matching. */
    record PersonTrial(String nctId, String briefTitle, String phases, String result, String failedCriterion,
            List<String> toVerify, String sitesInProvince, String sitesInCanada, List<String> siteCities,
            String note) {
    }

    /** One element of {@code options}: the option and the rule and guideline section behind it. */
    record Option(String rule, String optionCode, String optionLabel, String regimens, String goal,
            String guidelineSection, String rationale) {
    }

    static AssessmentLine from(long ordinal, JsonNode node) {
        List<Option> options = new ArrayList<>();
        JsonNode optionNodes = node.get("options");
        if (optionNodes != null && optionNodes.isArray()) {
            for (JsonNode o : optionNodes.values()) {
                options.add(new Option(JsonLines.text(o, "rule"), JsonLines.text(o, "option_code"),
                        JsonLines.text(o, "option_label"), JsonLines.text(o, "regimens"), JsonLines.text(o, "goal"),
                        JsonLines.text(o, "guideline_section"), JsonLines.text(o, "rationale")));
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        JsonNode factNode = node.get("facts");
        if (factNode != null && factNode.isObject()) {
            for (Map.Entry<String, JsonNode> fact : factNode.properties()) {
                JsonNode value = fact.getValue();
                String text;
                if (value == null || value.isNull()) {
                    text = null;
                } else if (value.isArray()) {
                    text = String.join(", ", JsonLines.list(factNode, fact.getKey()));
                } else {
                    text = JsonLines.text(factNode, fact.getKey());
                }
                facts.put(fact.getKey(), text);
            }
        }
        List<PersonTrial> trials = null;
        JsonNode trialNodes = node.get("trials");
        if (trialNodes != null && trialNodes.isArray()) {
            trials = new ArrayList<>();
            for (JsonNode t : trialNodes.values()) {
                trials.add(new PersonTrial(JsonLines.text(t, "nct_id"), JsonLines.text(t, "brief_title"),
                        String.join(", ", JsonLines.list(t, "phases")), JsonLines.text(t, "result"),
                        JsonLines.text(t, "failed_criterion"), JsonLines.list(t, "to_verify"),
                        JsonLines.text(t, "sites_in_province"), JsonLines.text(t, "sites_in_canada"),
                        JsonLines.list(t, "site_cities"), JsonLines.text(t, "note")));
            }
        }
        JsonNode trial = node.get("trial_discussion");
        return new AssessmentLine(ordinal,
                JsonLines.text(node, "patient_id"),
                JsonLines.text(node, "source_file"),
                JsonLines.text(node, "source_line"),
                JsonLines.text(node, "primary_site"),
                JsonLines.text(node, "pathway"),
                JsonLines.text(node, "pathway_rule"),
                JsonLines.text(node, "pathway_basis"),
                JsonLines.text(node, "extent"),
                JsonLines.text(node, "treatment_goal"),
                trial != null && trial.asBoolean(),
                JsonLines.text(node, "trial_priority"),
                JsonLines.text(node, "trial_rule"),
                JsonLines.list(node, "review_flags"),
                JsonLines.text(node, "age_at_recurrence"),
                JsonLines.text(node, "province"),
                JsonLines.text(node, "guideline_version"),
                options,
                facts,
                trials);
    }

    List<String> ruleIds() {
        return options.stream().map(Option::rule).toList();
    }
}
