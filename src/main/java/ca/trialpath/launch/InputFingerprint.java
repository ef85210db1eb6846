package ca.trialpath.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of a run's input: SHA-256 over each file's name and content, in run order. Two nights
 * with the same fingerprint read exactly the same rows; a corrected export gets a new one. It is a job
 * parameter, so a restart after a crash finds its unfinished run and a changed input starts a new one.
 */
public final class InputFingerprint {

    private InputFingerprint() {
    }

    public static String of(List<Path> files) throws IOException {
        MessageDigest run = sha256();
        byte[] buffer = new byte[256 * 1024];
        for (Path file : files) {
            MessageDigest content = sha256();
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    content.update(buffer, 0, n);
                }
            }
            run.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            run.update((byte) 0);
            run.update(content.digest());
        }
        return HexFormat.of().formatHex(run.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
