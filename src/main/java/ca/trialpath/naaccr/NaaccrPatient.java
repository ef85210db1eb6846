package ca.trialpath.naaccr;

import java.util.List;
import java.util.Map;

/**
 * One {@code <Patient>} of an extract: only the items the mapping reads (the others are dropped as they stream past,
 * so a patient with a hundred tumours of five hundred items each stays small).
 *
 * @param line    the line of the {@code <Patient>} start tag
 * @param items   the patient-level items, by XML id
 * @param tumours the items of each {@code <Tumor>}, by XML id, in file order
 */
public record NaaccrPatient(String sourceFile, long line, Map<String, NaaccrItem> items,
        List<Map<String, NaaccrItem>> tumours) {
}
