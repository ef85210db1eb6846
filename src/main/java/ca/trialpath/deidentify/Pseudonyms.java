package ca.trialpath.deidentify;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * Keyed pseudonyms of patient ids: HMAC-SHA256(key, id as UTF-8), its first 128 bits as 32 lowercase hex
 * digits. The same id and key give the same pseudonym on every night, so analysts can follow a person
 * across exports; without the key the id cannot be recovered or confirmed by guessing ids (a plain hash
 * of a registry id could be, by hashing every possible id). 128 bits keep collisions negligible: about
 * one chance in 10^27 among a million people.
 *
 * <p>Safe to share between threads: the indexing threads of a run share one. A {@link Mac} holds the state of
 * the digest it is computing, so each call works on its own copy of a keyed prototype (copying is cheaper than
 * keying a new one); a shared Mac gave one thread another's digest, or failed inside the JDK.
 */
public final class Pseudonyms {

    /** Hex digits of a pseudonym. */
    public static final int LENGTH = 32;

    private final PseudonymKey key;
    /** Keyed once, never used itself: only copied. */
    private final Mac prototype;

    public Pseudonyms(PseudonymKey key) {
        this.key = key;
        this.prototype = key.hmac();
    }

    public String of(String patientId) {
        byte[] digest = mac().doFinal(patientId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
    }

    /** A Mac of this call's own. */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // a provider whose Mac cannot be copied: key a new one
            return key.hmac();
        }
    }
}
