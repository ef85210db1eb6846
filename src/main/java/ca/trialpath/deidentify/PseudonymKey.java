package ca.trialpath.deidentify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that turns patient ids into pseudonyms. It is read from the environment at each run and
 * never written anywhere: not in the job parameters, not in a log, not in an output. Only its
 * {@link #id()}, a one-way tag, is recorded, so that two exports can be seen to share a key.
 */
public final class PseudonymKey {

    /** Names a file holding the key (its bytes; one trailing line break is ignored). */
    public static final String KEY_FILE_VARIABLE = "TRIALPATH_PSEUDONYM_KEY_FILE";
    /** Holds the key itself, as text; the file is safer (no process listing or shell history shows it). */
    public static final String KEY_VARIABLE = "TRIALPATH_PSEUDONYM_KEY";
    /** 256 bits, the size of the HMAC-SHA256 output: a shorter key would be the weak link. */
    public static final int MIN_BYTES = 32;

    static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private PseudonymKey(byte[] key) {
        this.key = key;
    }

    /**
     * The key named by the environment.
     *
     * @param environment looks a variable up by name ({@code System::getenv}, or Spring's environment)
     * @throws IllegalArgumentException saying what is missing or wrong, never showing the key
     */
    public static PseudonymKey from(Function<String, String> environment) {
        String file = blankToNull(environment.apply(KEY_FILE_VARIABLE));
        String text = blankToNull(environment.apply(KEY_VARIABLE));
        if (file != null && text != null) {
            throw new IllegalArgumentException("deidentify=true: both " + KEY_FILE_VARIABLE + " and " + KEY_VARIABLE
                    + " are set; set only one, so that there is no doubt which key made the pseudonyms");
        }
        if (file == null && text == null) {
            throw new IllegalArgumentException("deidentify=true needs a pseudonym key: set " + KEY_FILE_VARIABLE
                    + " to a file holding at least " + MIN_BYTES + " random bytes (or " + KEY_VARIABLE + ")");
        }
        byte[] key;
        String source;
        if (file != null) {
            try {
                key = withoutTrailingLineBreak(Files.readAllBytes(Path.of(file)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("deidentify=true: cannot read the pseudonym key file " + file
                        + " named by " + KEY_FILE_VARIABLE + " (" + e.getClass().getSimpleName() + ")");
            }
            source = "the key file " + file;
        } else {
            key = text.getBytes(StandardCharsets.UTF_8);
            source = KEY_VARIABLE;
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("deidentify=true: the pseudonym key in " + source + " is " + key.length
                    + " bytes; it must be at least " + MIN_BYTES + " (e.g. head -c 32 /dev/urandom | base64)");
        }
        return new PseudonymKey(key);
    }

    /** A short public tag of the key (12 hex digits): equal tags, same key; it does not reveal the key. */
    public String id() {
        byte[] tag = hmac().doFinal("TrialPath pseudonym key id".getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(tag, 0, 6);
    }

    /** A fresh HMAC-SHA256 keyed with this key (a Mac is not thread-safe: one per user). */
    Mac hmac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] withoutTrailingLineBreak(byte[] bytes) {
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
        }
        return Arrays.copyOf(bytes, length);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        // never the key itself: a key object printed in a log or an exception must not leak it
        return "PseudonymKey[" + id() + "]";
    }
}
