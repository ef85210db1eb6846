package ca.trialpath.report;

import java.nio.file.Path;

/**
 * What {@code report.html} shows, gathered while the rows are assessed: for each list the first
 * entries (at most the page's cap) in their own file, and how many there are in all. The page is then
 * written from a few small files whatever the size of the cohort, and says how many more the CSV
 * files hold.
 *
 * <p>Person lines are {@code <ordinal> <assessment JSON>}, the ordinal being the person's position among
 * all assessed people (the page links to a person's section only when it shows one); reject lines are
 * the reject's JSON.
 */
public record ReportFeeds(Path folder, long high, long routine, long review, long people, long rejects) {

    public static final String HIGH = "report-worklist-high.feed";
    public static final String ROUTINE = "report-worklist-routine.feed";
    public static final String REVIEW = "report-review.feed";
    public static final String PEOPLE = "report-people.feed";
    public static final String REJECTS = "report-rejects.feed";

    public Path highFile() {
        return folder.resolve(HIGH);
    }

    public Path routineFile() {
        return folder.resolve(ROUTINE);
    }

    public Path reviewFile() {
        return folder.resolve(REVIEW);
    }

    public Path peopleFile() {
        return folder.resolve(PEOPLE);
    }

    public Path rejectsFile() {
        return folder.resolve(REJECTS);
    }

    /** One line of a person feed. */
    public static String personLine(long ordinal, String assessmentJson) {
        return ordinal + " " + assessmentJson + "\n";
    }
}
