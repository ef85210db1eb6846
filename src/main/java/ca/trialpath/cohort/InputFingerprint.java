package ca.trialpath.cohort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The identity of a run's input: SHA-256 over each file's name and content, in run order. Two nights
 * with the same fingerprint read exactly the same rows; a corrected export gets a new one. It is a job
 * parameter, so a restart after a crash finds its unfinished run and a changed input starts a new one.
 */
public final class InputFingerprint {

    /** A file's name and the SHA-256 of its content, in hex. */
    public record FileDigest(String name, String sha256) {
    }

    private InputFingerprint() {
    }

    /** Reads every file. */
    public static String of(List<Path> files) throws IOException {
        return of(digests(files).stream());
    }

    /** Each file's name and digest, in the order given. */
    public static List<FileDigest> digests(List<Path> files) throws IOException {
        List<FileDigest> digests = new ArrayList<>();
        for (Path file : files) {
            digests.add(new FileDigest(file.getFileName().toString(), sha256(file)));
        }
        return digests;
    }

    /** From digests already taken, e.g. while the files were inspected. */
    public static String of(Stream<FileDigest> files) {
        MessageDigest run = newSha256();
        files.forEach(file -> {
            run.update(file.name().getBytes(StandardCharsets.UTF_8));
            run.update((byte) 0);
            run.update(HexFormat.of().parseHex(file.sha256()));
        });
        return HexFormat.of().formatHex(run.digest());
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest content = newSha256();
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                content.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(content.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
