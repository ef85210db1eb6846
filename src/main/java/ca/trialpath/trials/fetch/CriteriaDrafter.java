package ca.trialpath.trials.fetch;

import ca.trialpath.trials.fetch.EligibilityText.Section;
import ca.trialpath.trials.fetch.EligibilityText.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts, from a study's eligibility text, the curated criteria (trials.md, {@code trialCriteria}) a coordinator
 * would otherwise type: the ECOG limit, prior treatments required or excluded, and the histology. Each
 * suggestion quotes the statement it came from, because a draft is only a starting point: free text says
 * things no pattern reads right ("ECOG 0-1, or 2 if due to the tumour"). Nothing here is ever applied; a
 * coordinator copies what is right into the criteria file.
 */
public final class CriteriaDrafter {

    /**
     * One suggested criterion.
     *
     * @param key   a key of the criteria file ({@code ecogMax}, {@code priorTreatmentsRequired}, ...)
     * @param value an Integer for {@code ecogMax}, else a list of the file's terms
     */
    public record Suggestion(String key, Object value, Section section, String sentence) {
    }

    private static final Pattern ECOG = Pattern.compile(
            "\\b(?:ECOG|Eastern Cooperative Oncology Group|Zubrod|WHO)\\b(?:[\\s\\-]*\\(?(?:performance|PS)[^0-9<>≤≥=]{0,30})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERFORMANCE_STATUS = Pattern.compile("\\bperformance\\s+status\\b", Pattern.CASE_INSENSITIVE);
    /** A limit after the name: "0-1", "0 to 2", "≤ 1", "<= 2", "< 2", "of 0 or 1", "0, 1 or 2", "≥ 2" (exclusion). */
    private static final Pattern ECOG_VALUES = Pattern.compile(
            "^[^0-9<>≤≥=]{0,40}((?:(?:≤|≥|<=|>=|=<|=>|<|>|less than or equal to|greater than or equal to|less than|greater than|of|)\\s*[0-4](?![0-9.])\\s*(?:-|–|to|or|,|and)?\\s*)+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ECOG_TOKEN = Pattern.compile(
            "(≤|≥|<=|>=|=<|=>|<|>|less than or equal to|greater than or equal to|less than|greater than)?\\s*([0-4])(?![0-9.])",
            Pattern.CASE_INSENSITIVE);

    /** Treatment words, most specific first: chemoradiation is not also radiation and chemotherapy. */
    private static final List<Term> TREATMENTS = List.of(
            new Term("chemoradiation", Pattern.compile("\\b(chemo[\\s\\-]?radi(?:ation|otherapy)(?:\\s+therapy)?|CRT"
                    + "|(?:concurrent|combined)\\s+chemotherapy\\s+(?:and|with)\\s+radi(?:ation|otherapy))\\b",
                    Pattern.CASE_INSENSITIVE)),
            new Term("radiation", Pattern.compile("\\b(radiation(?:\\s+therapy)?|radiotherapy|irradiation|RT)\\b",
                    Pattern.CASE_INSENSITIVE)),
            new Term("chemotherapy", Pattern.compile("\\b(chemotherapy|platinum[\\s\\-]based|platinum|carboplatin|cisplatin"
                    + "|systemic\\s+chemotherapy)\\b", Pattern.CASE_INSENSITIVE)),
            new Term("surgery", Pattern.compile("\\b(surgery|surgical(?:ly)?\\s+resect\\w*|resection|abdominoperineal"
                    + "|APR)\\b", Pattern.CASE_INSENSITIVE)));
    private static final Pattern PRIOR = Pattern.compile("\\b(prior|previous(?:ly)?|received|receipt|after|following"
            + "|progress\\w*|refractory|failed|failure|history of|treated with|pre-?treated)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION = Pattern.compile("\\b(no|not|without|never|naive|naïve|must not|cannot)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DIAGNOSIS = Pattern.compile("\\b(carcinoma|cancer|histolog\\w*|patholog\\w*|cytolog\\w*"
            + "|tumou?r)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<Term> HISTOLOGY = List.of(
            new Term("807", Pattern.compile("\\bsquamous\\b", Pattern.CASE_INSENSITIVE)),
            new Term("8123", Pattern.compile("\\bbasaloid\\b", Pattern.CASE_INSENSITIVE)),
            new Term("8124", Pattern.compile("\\bcloacogenic\\b", Pattern.CASE_INSENSITIVE)),
            new Term("814", Pattern.compile("\\badenocarcinoma\\b", Pattern.CASE_INSENSITIVE)));

    private record Term(String value, Pattern pattern) {
    }

    private CriteriaDrafter() {
    }

    /** Every suggestion of one study's eligibility text, in text order. */
    public static List<Suggestion> suggest(String eligibilityCriteria) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (Statement statement : EligibilityText.statements(eligibilityCriteria)) {
            ecog(statement).ifPresent(suggestions::add);
            suggestions.addAll(priorTreatments(statement));
            histology(statement).ifPresent(suggestions::add);
        }
        return suggestions;
    }

    /**
     * The suggestions as one criteria-file entry: the strictest ECOG limit, the treatments and histology of
     * every statement together.
     */
    public static Map<String, Object> draft(List<Suggestion> suggestions) {
        Map<String, Object> draft = new LinkedHashMap<>();
        Integer ecog = null;
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        for (Suggestion suggestion : suggestions) {
            if (suggestion.key().equals("ecogMax")) {
                ecog = ecog == null ? (Integer) suggestion.value() : Math.min(ecog, (Integer) suggestion.value());
            } else {
                for (Object value : (List<?>) suggestion.value()) {
                    lists.computeIfAbsent(suggestion.key(), key -> new LinkedHashSet<>()).add((String) value);
                }
            }
        }
        for (String key : List.of("histology", "priorTreatmentsRequired", "priorTreatmentsExcluded")) {
            if (lists.containsKey(key)) {
                draft.put(key, List.copyOf(lists.get(key)));
            }
        }
        if (ecog != null) {
            draft.put("ecogMax", ecog);
        }
        return draft;
    }

    private static Optional<Suggestion> ecog(Statement statement) {
        String text = statement.text();
        Matcher name = ECOG.matcher(text);
        boolean named = name.find() && (name.group().toUpperCase().contains("ECOG") || name.group().contains("Eastern")
                || PERFORMANCE_STATUS.matcher(text).find());
        if (!named) {
            return Optional.empty();
        }
        Matcher values = ECOG_VALUES.matcher(text.substring(name.end()));
        if (!values.find()) {
            return Optional.empty();
        }
        Integer limit = null;
        Matcher token = ECOG_TOKEN.matcher(values.group(1));
        while (token.find()) {
            String op = token.group(1) == null ? "" : token.group(1).toLowerCase();
            int n = Integer.parseInt(token.group(2));
            int max;
            if (statement.section() == Section.EXCLUSION) {
                // an exclusion names the statuses that are out: "ECOG >= 2" leaves at most 1
                max = op.equals(">") || op.equals("greater than") ? n : n - 1;
            } else {
                max = op.equals("<") || op.equals("less than") ? n - 1 : n;
            }
            limit = limit == null ? max : statement.section() == Section.EXCLUSION ? Math.min(limit, max) : Math.max(limit, max);
        }
        if (limit == null || limit < 0 || limit > 4) {
            return Optional.empty();
        }
        return Optional.of(new Suggestion("ecogMax", limit, statement.section(), text));
    }

    /**
     * A treatment named as already given ("after chemoradiation", "prior pelvic radiation"): in the inclusion
     * list it is required, in the exclusion list excluded; "no prior ..." in the inclusion list excludes it.
     */
    private static List<Suggestion> priorTreatments(Statement statement) {
        String text = statement.text();
        if (!PRIOR.matcher(text).find()) {
            return List.of();
        }
        Set<String> named = new LinkedHashSet<>();
        String rest = text;
        for (Term term : TREATMENTS) {
            Matcher matcher = term.pattern().matcher(rest);
            if (matcher.find()) {
                named.add(term.value());
                rest = matcher.replaceAll(" ");
            }
        }
        if (named.isEmpty()) {
            return List.of();
        }
        boolean required = statement.section() == Section.INCLUSION && !NEGATION.matcher(text).find();
        String key = required ? "priorTreatmentsRequired" : "priorTreatmentsExcluded";
        if (statement.section() == Section.EXCLUSION && NEGATION.matcher(text).find()) {
            // "patients who have not received chemoradiation" excluded: a double negative, left to the coordinator
            return List.of();
        }
        return List.of(new Suggestion(key, List.copyOf(named), statement.section(), text));
    }

    /** The histology the inclusion list asks for ("histologically confirmed squamous cell carcinoma"). */
    private static Optional<Suggestion> histology(Statement statement) {
        if (statement.section() != Section.INCLUSION || !DIAGNOSIS.matcher(statement.text()).find()) {
            return Optional.empty();
        }
        List<String> prefixes = new ArrayList<>();
        for (Term term : HISTOLOGY) {
            if (term.pattern().matcher(statement.text()).find()) {
                prefixes.add(term.value());
            }
        }
        return prefixes.isEmpty() ? Optional.empty()
                : Optional.of(new Suggestion("histology", List.copyOf(prefixes), statement.section(), statement.text()));
    }
}
