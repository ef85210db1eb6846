package ca.trialpath.history;

/** A person of a stored run with its row in the run's assessments.csv ({@code ordinal}, 1 first). */
record NumberedPerson(long ordinal, PersonResult person) {

    String patientId() {
        return person.patientId();
    }
}
