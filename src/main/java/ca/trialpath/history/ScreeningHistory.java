package ca.trialpath.history;

import ca.trialpath.screening.Decision;
import ca.trialpath.screening.FactChange;
import ca.trialpath.screening.PairFacts;
import ca.trialpath.screening.PairKey;
import ca.trialpath.screening.RememberedPair;
import ca.trialpath.screening.ScreeningStatus;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The screening part of the run history (migration 4, docs/screening.md): per run, a snapshot of every pair the
 * screening log holds, with its decisions, oldest first, and the changes of facts that reopen it. A run's rows are
 * written in the caller's transaction, the publish step's, while the run is {@code STAGED}, so they count exactly
 * when the run does; {@link RunHistory} deletes them with the run when it is forgotten.
 */
public class ScreeningHistory {

    /** Rows per JDBC batch. */
    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    public ScreeningHistory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(BATCH);
    }

    /** Deletes what {@code runId} has stored (a publication that stopped and runs again), in the caller's transaction. */
    public void delete(long runId) {
        delete(jdbc, runId);
    }

    static void delete(JdbcTemplate jdbc, long runId) {
        jdbc.update("DELETE FROM trialpath_screening_fact_change WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM trialpath_screening_decision WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM trialpath_screening_pair WHERE run_id = ?", runId);
    }

    /**
     * Stores the pairs of a run (the run's row must be there, staged), replacing what it stored before, in the
     * caller's transaction.
     */
    public void store(long runId, List<RememberedPair> pairs) {
        delete(runId);
        List<Object[]> pairRows = new ArrayList<>();
        List<Object[]> decisionRows = new ArrayList<>();
        List<Object[]> changeRows = new ArrayList<>();
        for (RememberedPair pair : pairs) {
            String patientId = pair.key().patientId();
            String nctId = pair.key().nctId();
            PairFacts facts = pair.lastFacts();
            pairRows.add(new Object[] { runId, patientId, nctId, pair.briefTitle(), date(pair.firstSeen()),
                    facts == null || facts.result() == null ? null : facts.result().name(),
                    facts == null ? null : facts.pathway(), facts == null ? null : String.join(";", facts.options()),
                    facts == null ? null : verdicts(facts.verdicts()), facts == null ? null : facts.criteriaVersion() });
            int seq = 0;
            for (Decision decision : pair.history()) {
                decisionRows.add(new Object[] { runId, patientId, nctId, ++seq, decision.status().name(),
                        date(decision.statusDate()), decision.reason(), date(decision.revisitDate()),
                        decision.screenedBy(), decision.note() });
            }
            seq = 0;
            for (FactChange change : pair.factChanges()) {
                changeRows.add(new Object[] { runId, patientId, nctId, ++seq, date(change.runDate()), change.what() });
            }
        }
        batch("INSERT INTO trialpath_screening_pair (run_id, patient_id, nct_id, brief_title, first_seen, last_result,"
                + " last_pathway, last_options, last_verdicts, criteria_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                pairRows);
        batch("INSERT INTO trialpath_screening_decision (run_id, patient_id, nct_id, seq, status, status_date, reason,"
                + " revisit_date, screened_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", decisionRows);
        batch("INSERT INTO trialpath_screening_fact_change (run_id, patient_id, nct_id, seq, seen_on, what)"
                + " VALUES (?, ?, ?, ?, ?, ?)", changeRows);
    }

    /** What a run stored, by patient id then NCT id; empty for a run that stored none (or before migration 4). */
    public List<RememberedPair> pairs(long runId) {
        Map<PairKey, List<Decision>> decisions = new LinkedHashMap<>();
        jdbc.query("SELECT patient_id, nct_id, status, status_date, reason, revisit_date, screened_by, note"
                + " FROM trialpath_screening_decision WHERE run_id = ? ORDER BY patient_id, nct_id, seq", rs -> {
                    decisions.computeIfAbsent(new PairKey(rs.getString("patient_id"), rs.getString("nct_id")),
                            key -> new ArrayList<>()).add(new Decision(ScreeningStatus.valueOf(rs.getString("status")),
                                    localDate(rs.getDate("status_date")), rs.getString("reason"),
                                    localDate(rs.getDate("revisit_date")), rs.getString("screened_by"),
                                    rs.getString("note")));
                }, runId);
        Map<PairKey, List<FactChange>> changes = new LinkedHashMap<>();
        jdbc.query("SELECT patient_id, nct_id, seen_on, what FROM trialpath_screening_fact_change WHERE run_id = ?"
                + " ORDER BY patient_id, nct_id, seq", rs -> {
                    changes.computeIfAbsent(new PairKey(rs.getString("patient_id"), rs.getString("nct_id")),
                            key -> new ArrayList<>()).add(new FactChange(localDate(rs.getDate("seen_on")),
                                    rs.getString("what")));
                }, runId);
        List<RememberedPair> pairs = new ArrayList<>();
        jdbc.query("SELECT patient_id, nct_id, brief_title, first_seen, last_result, last_pathway, last_options,"
                + " last_verdicts, criteria_version FROM trialpath_screening_pair WHERE run_id = ?"
                + " ORDER BY patient_id, nct_id", rs -> {
                    PairKey key = new PairKey(rs.getString("patient_id"), rs.getString("nct_id"));
                    List<Decision> history = decisions.get(key);
                    if (history == null) {
                        throw new IllegalStateException("run " + runId + " stored the screening pair " + key
                                + " without a decision");
                    }
                    String pathway = rs.getString("last_pathway");
                    String result = rs.getString("last_result");
                    PairFacts facts = pathway == null ? null : new PairFacts(
                            result == null ? null : TrialMatch.Result.valueOf(result), pathway,
                            list(rs.getString("last_options")), verdicts(rs.getString("last_verdicts")),
                            rs.getString("criteria_version"));
                    pairs.add(new RememberedPair(key, rs.getString("brief_title"), history.get(history.size() - 1),
                            history, localDate(rs.getDate("first_seen")), facts, changes.getOrDefault(key, List.of())));
                }, runId);
        return pairs;
    }

    /** How many pairs a run stored. */
    public long pairCount(long runId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM trialpath_screening_pair WHERE run_id = ?", Long.class,
                runId);
        return count == null ? 0 : count;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    /** {@code AGE=MET;SEX=UNKNOWN;...} in {@link Criterion} order. */
    static String verdicts(Map<Criterion, Verdict> verdicts) {
        StringBuilder text = new StringBuilder();
        verdicts.forEach((criterion, verdict) -> text.append(text.isEmpty() ? "" : ";").append(criterion.name())
                .append('=').append(verdict.name()));
        return text.toString();
    }

    static Map<Criterion, Verdict> verdicts(String text) {
        Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
        for (String part : list(text)) {
            int equals = part.indexOf('=');
            verdicts.put(Criterion.valueOf(part.substring(0, equals)), Verdict.valueOf(part.substring(equals + 1)));
        }
        return verdicts;
    }

    private static List<String> list(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(";"));
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
