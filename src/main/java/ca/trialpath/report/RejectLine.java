package ca.trialpath.report;

import tools.jackson.databind.JsonNode;

/** One line of the rejects feed ({@link ReportFeeds#REJECTS}): an input row the job could not assess, and why. */
record RejectLine(String sourceFile, String line, String patientId, String reasonCode, String message) {

    static RejectLine from(JsonNode node) {
        return new RejectLine(JsonLines.text(node, "source_file"), JsonLines.text(node, "line"),
                JsonLines.text(node, "patient_id"), JsonLines.text(node, "reason_code"),
                JsonLines.text(node, "message"));
    }
}
