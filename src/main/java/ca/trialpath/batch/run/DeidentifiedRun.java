package ca.trialpath.batch.run;

import ca.trialpath.deidentify.Deidentifier;
import ca.trialpath.deidentify.PseudonymKey;
import java.util.function.Function;

/**
 * The de-identification of one run (deidentify=true): the key comes from the environment each time the
 * step starts, and must be the key the run started with (its id is a job parameter), so that a restart
 * never mixes pseudonyms of two keys in one export.
 */
public final class DeidentifiedRun {

    private DeidentifiedRun() {
    }

    /** {@code null} for a plain run (no key id among the job parameters). */
    public static Deidentifier of(String pseudonymKeyId, Function<String, String> environment) {
        if (pseudonymKeyId == null || pseudonymKeyId.isEmpty()) {
            return null;
        }
        Deidentifier deidentifier = new Deidentifier(PseudonymKey.from(environment));
        if (!deidentifier.keyId().equals(pseudonymKeyId)) {
            throw new IllegalStateException("the pseudonym key now set (key id " + deidentifier.keyId()
                    + ") is not the one this run started with (key id " + pseudonymKeyId + "): restore that key to"
                    + " resume it; with the new key, the run starts afresh");
        }
        return deidentifier;
    }
}
