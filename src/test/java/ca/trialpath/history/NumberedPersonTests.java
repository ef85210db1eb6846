package ca.trialpath.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberedPersonTests {

    @Test
    void shouldSortPeopleExactlyAsTheirIdsCompare() {
        // given: ids sharing long prefixes, of every length, with characters below, at and above U+00FF
        String alphabet = "\u0000-.09AZ_az\u00FE\u00FF\u0100\u4E2D\uD83D\uDE00";
        Random random = new Random(11);
        List<NumberedPerson> people = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder(random.nextBoolean() ? "TP-26-000" : "");
            int length = random.nextInt(20);
            for (int c = 0; c < length; c++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            people.add(new NumberedPerson(i, new PersonResult(id.toString(), "", "", "", "", "")));
        }

        // when
        List<NumberedPerson> sorted = new ArrayList<>(people);
        sorted.sort(NumberedPerson.BY_PATIENT_ID);

        // then
        List<NumberedPerson> expected = new ArrayList<>(people);
        expected.sort(Comparator.comparing(NumberedPerson::patientId));
        assertThat(sorted).extracting(NumberedPerson::patientId)
                .containsExactlyElementsOf(expected.stream().map(NumberedPerson::patientId).toList());
    }
}
