package ca.trialpath.remote;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedRepositoryTests {

    @Test
    void shouldRefuseARepositoryOfOneProcess() {
        assertThatThrownBy(() -> SharedRepository.check("jdbc:h2:file:/var/lib/trialpath/repository", "worker"))
                .hasMessageContaining("the worker of a remote run needs the job repository")
                .hasMessageContaining("postgres");
        assertThatThrownBy(() -> SharedRepository.check("jdbc:h2:mem:x", "manager")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SharedRepository.check("", "manager")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldAcceptADatabaseServer() {
        assertThatCode(() -> SharedRepository.check("jdbc:postgresql://db:5432/trialpath", "worker")).doesNotThrowAnyException();
        assertThatCode(() -> SharedRepository.check("jdbc:h2:tcp://db/trialpath", "manager")).doesNotThrowAnyException();
    }
}
