package ca.trialpath.batch.inspect;

import ca.trialpath.batch.run.RunCheckFailedException;
import ca.trialpath.batch.run.RunState;
import ca.trialpath.cohort.InputFingerprint;
import ca.trialpath.screening.Decision;
import ca.trialpath.screening.PairKey;
import ca.trialpath.screening.ScreeningLog;
import ca.trialpath.screening.ScreeningLogException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

/**
 * The coordinators' screening log ({@code screening=}, docs/screening.md), read and checked whole in the first step,
 * beside the trial catalogue and before any person is read: a bad cell fails the run with the file, line, column
 * and value, and nothing is published. Its decisions are kept in {@link RunState} for the publication; its SHA-256
 * (of the very bytes read) is part of the run's identity.
 */
public final class ScreeningInspection {

    /** The name of the log among the digests of the run's identity. */
    static final String DIGEST_PREFIX = "screening/";

    private static final Logger log = LoggerFactory.getLogger(ScreeningInspection.class);

    private ScreeningInspection() {
    }

    /**
     * Before anything starts: a log that is not there is a wrong call (exit status 2).
     *
     * @throws IllegalArgumentException naming the file
     */
    public static void check(Path screening) {
        if (screening != null && (!Files.isRegularFile(screening) || !Files.isReadable(screening))) {
            throw new IllegalArgumentException("screening " + screening + " is not a readable file");
        }
    }

    /** The log's name and SHA-256, as the run's identity takes them. */
    public static InputFingerprint.FileDigest digest(Path screening) throws IOException {
        return new InputFingerprint.FileDigest(DIGEST_PREFIX + screening.getFileName(),
                InputFingerprint.sha256(screening));
    }

    /**
     * Reads and checks the log, keeps its decisions in the run's state and returns the digest of what was read.
     *
     * @throws RunCheckFailedException with every problem of the file (file, line, column, value), or when it is gone
     */
    static InputFingerprint.FileDigest inspect(Path screening, JobExecution job) throws IOException {
        LocalDate runDate = LocalDate.parse(job.getJobParameters().getString("runDate"));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(screening);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RunCheckFailedException("screening " + screening + " is no longer there: run the command again"
                    + " with the coordinators' log; nothing is published");
        }
        LinkedHashMap<PairKey, Decision> decisions = read(screening, bytes, runDate);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        decisions.values().forEach(decision -> byStatus.merge(decision.status().name(), 1L, Long::sum));
        log.info("screening log {}: {} bytes, sha256 {}, {} pairs {}", screening, bytes.length, sha256(bytes),
                decisions.size(), byStatus);
        RunState.of(job).screening(decisions);
        return new InputFingerprint.FileDigest(DIGEST_PREFIX + screening.getFileName(), sha256(bytes));
    }

    /** The decisions of the log's bytes; a bad log is a data problem, reported by its message alone. */
    static LinkedHashMap<PairKey, Decision> read(Path screening, byte[] bytes, LocalDate runDate) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(new ByteArrayInputStream(bytes), utf8)) {
            return new LinkedHashMap<>(ScreeningLog.read(screening.toString(), in, runDate));
        } catch (ScreeningLogException e) {
            throw new RunCheckFailedException(e.getMessage() + "\nCorrect the file and run the"
                    + " command again.");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
