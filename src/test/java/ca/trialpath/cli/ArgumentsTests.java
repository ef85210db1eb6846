package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one parser of every command's {@code name=value} parameters: each mistake named in one line. */
class ArgumentsTests {

    private static final List<String> NAMES = List.of("output", "from");

    @Test
    void shouldKeepSpringSettingsApartAndInOrder() {
        Arguments arguments = Arguments.parse(List.of("--b=2", "output=x", "--a=1"), NAMES);

        assertThat(arguments.spring()).containsExactly("--b=2", "--a=1");
        assertThat(arguments.value("output")).isEqualTo("x");
        assertThat(arguments.has("from")).isFalse();
        assertThat(arguments.value("from", "fallback")).isEqualTo("fallback");
    }

    @Test
    void shouldNameAnArgumentThatIsNotNameEqualsValue() {
        assertThatThrownBy(() -> Arguments.parse(List.of("reports"), NAMES)).isInstanceOf(UsageException.class)
                .hasMessage("unexpected argument 'reports': parameters are name=value (output, from)");
        assertThatThrownBy(() -> Arguments.parse(List.of("=x"), NAMES))
                .hasMessage("unexpected argument '=x': parameters are name=value (output, from)");
    }

    @Test
    void shouldNameAnUnknownParameterAndListTheKnownOnes() {
        assertThatThrownBy(() -> Arguments.parse(List.of("ouptut=x"), NAMES)).isInstanceOf(UsageException.class)
                .hasMessage("unknown parameter 'ouptut': known are output, from");
    }

    @Test
    void shouldRefuseAParameterGivenTwice() {
        assertThatThrownBy(() -> Arguments.parse(List.of("output=a", "output=b"), NAMES))
                .isInstanceOf(UsageException.class).hasMessage("parameter 'output' is given twice");
    }

    @Test
    void shouldAcceptAnEmptyValueOnlyWhereTheCommandAllowsIt() {
        Arguments arguments = Arguments.parse(List.of("output=", "from= "), NAMES);

        assertThat(arguments.value("output")).isEmpty();
        assertThatThrownBy(() -> arguments.required("output", "DIR")).hasMessage("missing parameter output=DIR");
        assertThatThrownBy(() -> arguments.path("from")).hasMessage("parameter from is empty");
        assertThatThrownBy(() -> arguments.notBlank("output", "reports")).hasMessage("parameter output is empty");
    }

    @Test
    void shouldGiveAPathAbsoluteAndNormalized() {
        Arguments arguments = Arguments.parse(List.of("from=a/../b.gz"), NAMES);

        assertThat(arguments.path("from")).isEqualTo(Path.of("b.gz").toAbsolutePath());
        assertThat(arguments.path("output")).isNull();
    }

    @Test
    void shouldReadOnlyTrueOrFalseAsAFlag() {
        List<String> names = List.of("deidentify");

        assertThat(Arguments.parse(List.of(), names).flag("deidentify", false)).isFalse();
        assertThat(Arguments.parse(List.of("deidentify=true"), names).flag("deidentify", false)).isTrue();
        assertThatThrownBy(() -> Arguments.parse(List.of("deidentify=yes"), names).flag("deidentify", false))
                .isInstanceOf(UsageException.class).hasMessage("deidentify 'yes' is not true or false");
    }

    @Test
    void shouldTreatAParameterTheCommandDoesNotDeclareAsAProgramError() {
        Arguments arguments = Arguments.parse(List.of(), NAMES);

        assertThatThrownBy(() -> arguments.value("input")).isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(UsageException.class);
    }
}
