package ca.trialpath.cohort;

import java.util.List;

/**
 * One record of a cohort file as the tokenizer saw it.
 *
 * @param line      the physical line on which the record starts (1-based)
 * @param cells     the cells, untrimmed; for a malformed record the cells read before the problem
 * @param malformed why the record could not be parsed, or {@code null}
 */
public record CsvRecord(long line, List<String> cells, String malformed) {

    public boolean isMalformed() {
        return malformed != null;
    }
}
