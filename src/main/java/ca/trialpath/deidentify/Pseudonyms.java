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
 */
public final class Pseudonyms {

    /** Hex digits of a pseudonym. */
    public static final int LENGTH = 32;

    private final Mac mac;

    public Pseudonyms(PseudonymKey key) {
        this.mac = key.hmac();
    }

    public String of(String patientId) {
        byte[] digest = mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
    }
}
