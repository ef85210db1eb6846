package ca.trialpath.trials;

import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.SurgeryPossible;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates the coordinators' {@code trialCriteria} file. It is checked whole at the start of the
 * run: a value outside its vocabulary, an unknown key or a wrong type fails the run with a message naming
 * the NCT id and the key, before any person is read. A typo must not silently widen a trial.
 */
public final class CuratedCriteria {

    static final List<String> KEYS = List.of("pathways", "histology", "ecogMax", "priorTreatmentsRequired",
            "priorTreatmentsExcluded", "surgeryPossible", "conditionMatch", "note");
    private static final Pattern HISTOLOGY = Pattern.compile("\\d{1,4}|\\d{4}/\\d");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CuratedCriteria() {
    }

    /** @throws CatalogueException naming the file, and the NCT id and key of the first bad value */
    public static Map<String, TrialCriteria> read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            throw new CatalogueException("trialCriteria file " + file + " is not valid JSON at "
                    + CatalogueReader.where(location) + ": " + CatalogueReader.firstLine(e.getOriginalMessage()), e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new CatalogueException("trialCriteria file " + file + " must hold one JSON object keyed by NCT id");
        }
        Map<String, TrialCriteria> criteria = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String nctId = entry.getKey();
            if (!CatalogueReader.NCT_ID.matcher(nctId).matches()) {
                throw bad(file, nctId, null, "is not an NCT id (NCT and eight digits)");
            }
            criteria.put(nctId, criteriaOf(file, nctId, entry.getValue()));
        }
        return Collections.unmodifiableMap(criteria);
    }

    private static TrialCriteria criteriaOf(Path file, String nctId, JsonNode node) {
        if (!node.isObject()) {
            throw bad(file, nctId, null, "must be an object of criteria");
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (!KEYS.contains(property.getKey())) {
                throw bad(file, nctId, property.getKey(), "is not a known key (known: " + String.join(", ", KEYS) + ")");
            }
        }
        Set<Pathway> pathways = EnumSet.noneOf(Pathway.class);
        for (String value : strings(file, nctId, node, "pathways")) {
            try {
                pathways.add(Pathway.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw bad(file, nctId, "pathways", "'" + value + "' is not a pathway (" + names(Pathway.values()) + ")");
            }
        }
        List<String> histology = strings(file, nctId, node, "histology");
        for (String prefix : histology) {
            if (!HISTOLOGY.matcher(prefix).matches()) {
                throw bad(file, nctId, "histology", "'" + prefix + "' is not an ICD-O-3 morphology prefix (1 to 4 digits,"
                        + " or NNNN/B)");
            }
        }
        Integer ecogMax = null;
        JsonNode ecog = node.get("ecogMax");
        if (ecog != null && !ecog.isNull()) {
            if (!ecog.isIntegralNumber() || ecog.asInt() < 0 || ecog.asInt() > 4) {
                throw bad(file, nctId, "ecogMax", "'" + ecog + "' is not an ECOG status 0 to 4");
            }
            ecogMax = ecog.asInt();
        }
        Set<PriorTreatment> required = treatments(file, nctId, node, "priorTreatmentsRequired");
        Set<PriorTreatment> excluded = treatments(file, nctId, node, "priorTreatmentsExcluded");
        SurgeryPossible surgery = null;
        JsonNode surgeryNode = node.get("surgeryPossible");
        if (surgeryNode != null && !surgeryNode.isNull()) {
            String value = surgeryNode.isString() ? surgeryNode.asString().trim().toLowerCase(Locale.ROOT) : "";
            if (!value.equals("yes") && !value.equals("no")) {
                throw bad(file, nctId, "surgeryPossible", "'" + surgeryNode + "' is not yes or no");
            }
            surgery = value.equals("yes") ? SurgeryPossible.YES : SurgeryPossible.NO;
        }
        boolean conditionMatch = false;
        JsonNode condition = node.get("conditionMatch");
        if (condition != null && !condition.isNull()) {
            if (!condition.isBoolean()) {
                throw bad(file, nctId, "conditionMatch", "'" + condition + "' is not true or false");
            }
            conditionMatch = condition.asBoolean();
        }
        String note = null;
        JsonNode noteNode = node.get("note");
        if (noteNode != null && !noteNode.isNull()) {
            if (!noteNode.isString()) {
                throw bad(file, nctId, "note", "'" + noteNode + "' is not a string");
            }
            note = noteNode.asString();
        }
        return new TrialCriteria(pathways, histology, ecogMax, required, excluded, surgery, conditionMatch, note);
    }

    private static Set<PriorTreatment> treatments(Path file, String nctId, JsonNode node, String key) {
        Set<PriorTreatment> treatments = EnumSet.noneOf(PriorTreatment.class);
        for (String value : strings(file, nctId, node, key)) {
            treatments.add(PriorTreatment.ofTerm(value).orElseThrow(() -> bad(file, nctId, key, "'" + value
                    + "' is not a prior treatment (surgery, chemoradiation, radiation, chemotherapy)")));
        }
        return treatments;
    }

    private static List<String> strings(Path file, String nctId, JsonNode node, String key) {
        JsonNode array = node.get(key);
        List<String> values = new ArrayList<>();
        if (array == null || array.isNull()) {
            return values;
        }
        if (!array.isArray()) {
            throw bad(file, nctId, key, "'" + array + "' is not a list");
        }
        for (JsonNode value : array.values()) {
            if (!value.isString() || value.asString().isBlank()) {
                throw bad(file, nctId, key, "'" + value + "' is not a non-empty string");
            }
            values.add(value.asString().trim());
        }
        return values;
    }

    private static String names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return String.join(", ", names);
    }

    private static CatalogueException bad(Path file, String nctId, String key, String problem) {
        return new CatalogueException("trialCriteria file " + file + ": " + nctId
                + (key == null ? " " : " key '" + key + "': ") + problem);
    }
}
