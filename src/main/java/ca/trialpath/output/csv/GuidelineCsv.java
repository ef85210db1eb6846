package ca.trialpath.output.csv;

import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.TreatmentOption;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Owns {@code guideline.csv}: the dictionary of the options, one row per rationale code, that is per rule and
 * per wording of its rationale. What an option is (label, regimens, goal, guideline section) and why its rule
 * fired are the same for every person with that code, so they are published once per run, not once per person;
 * {@code options.csv} and {@code assessments.jsonl} carry the code.
 *
 * <p>A rule has one rationale, coded with its rule id ({@code LR1}); a surgical rule (LR2, LR3, DM4) has a second
 * one for a person whose {@code surgery_possible} is not recorded, which says "if surgery can remove it":
 * {@code LR2.U}.
 */
public final class GuidelineCsv {

    public enum Column {
        RATIONALE_CODE, RULE, OPTION_CODE, OPTION_LABEL, REGIMENS, GOAL, GUIDELINE_SECTION, RATIONALE, GUIDELINE_VERSION
    }

    public static final String FILE = "guideline.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);
    /** The suffix of the rationale of a surgical rule when surgery_possible is not recorded. */
    static final String SURGERY_NOT_RECORDED = ".U";

    private GuidelineCsv() {
    }

    /** The code of the sentence that says why {@code option} fits a person whose surgery_possible is as given. */
    public static String rationaleCode(TreatmentOption option, SurgeryPossible surgeryPossible) {
        return surgeryPossible == SurgeryPossible.UNKNOWN && option.basisIfSurgeryCan() != null
                ? option.ruleId() + SURGERY_NOT_RECORDED : option.ruleId();
    }

    /** Every rationale of every rule, in rule order, each rule's usual wording first. */
    public static void write(Path target) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CsvWriter csv = PublishedCsv.writer(out, Column.class, true)) {
            for (TreatmentOption option : TreatmentOption.values()) {
                row(csv, option, option.ruleId(), option.basis());
                if (option.basisIfSurgeryCan() != null) {
                    row(csv, option, option.ruleId() + SURGERY_NOT_RECORDED, option.basisIfSurgeryCan());
                }
            }
        }
    }

    private static void row(CsvWriter csv, TreatmentOption option, String code, String rationale)
            throws IOException {
        csv.cell(code);
        csv.cell(option.ruleId());
        csv.cell(option.code());
        PublishedCsv.cell(csv, option.label());
        PublishedCsv.cell(csv, option.regimens());
        csv.cell(option.goal().name());
        PublishedCsv.cell(csv, option.section().heading());
        PublishedCsv.cell(csv, rationale);
        csv.cell(GuidelineVersion.ID);
        csv.endRecord();
    }
}
