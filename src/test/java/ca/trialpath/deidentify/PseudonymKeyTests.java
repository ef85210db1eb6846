package ca.trialpath.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyTests {

    private static final String KEY = "a-key-of-thirty-two-bytes-or-more-0123";

    @TempDir
    Path folder;

    @Test
    void shouldReadTheKeyFromTheFileNamedByTheEnvironmentIgnoringOneTrailingLineBreak() throws IOException {
        // given
        Path file = Files.writeString(folder.resolve("key"), KEY + "\r\n", StandardCharsets.UTF_8);

        // when
        PseudonymKey fromFile = PseudonymKey.from(Map.of(PseudonymKey.KEY_FILE_VARIABLE, file.toString())::get);
        PseudonymKey fromVariable = PseudonymKey.from(Map.of(PseudonymKey.KEY_VARIABLE, KEY)::get);

        // then: the same key either way
        assertThat(fromFile.id()).isEqualTo(fromVariable.id()).hasSize(12);
    }

    @Test
    void shouldRefuseNoKeyBothKeysAndAShortKeyWithoutShowingIt() {
        assertThatThrownBy(() -> PseudonymKey.from(Map.<String, String>of()::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRIALPATH_PSEUDONYM_KEY_FILE");
        assertThatThrownBy(() -> PseudonymKey.from(Map.of(PseudonymKey.KEY_VARIABLE, KEY,
                PseudonymKey.KEY_FILE_VARIABLE, "/etc/key")::get))
                .hasMessageContaining("set only one");
        assertThatThrownBy(() -> PseudonymKey.from(Map.of(PseudonymKey.KEY_VARIABLE, "secret-but-short")::get))
                .hasMessageContaining("16 bytes; it must be at least 32")
                .hasMessageNotContaining("secret-but-short");
        assertThatThrownBy(() -> PseudonymKey.from(Map.of(PseudonymKey.KEY_FILE_VARIABLE,
                folder.resolve("missing").toString())::get))
                .hasMessageContaining("cannot read the pseudonym key file");
    }

    @Test
    void shouldNotShowTheKeyWhenPrinted() {
        // given
        PseudonymKey key = PseudonymKey.from(Map.of(PseudonymKey.KEY_VARIABLE, KEY)::get);

        // when / then
        assertThat(key.toString()).doesNotContain(KEY).contains(key.id());
    }
}
