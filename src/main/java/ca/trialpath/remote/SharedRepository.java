package ca.trialpath.remote;

/**
 * The manager and its workers must see one job repository: the workers read their partitions from it and the
 * manager learns there that they are done. The default H2 file (or an in-memory H2) belongs to one process, so
 * both sides refuse it at start-up instead of waiting for partitions that no one can see.
 */
final class SharedRepository {

    private SharedRepository() {
    }

    static void check(String datasourceUrl, String side) {
        String url = datasourceUrl == null ? "" : datasourceUrl.trim();
        boolean h2 = url.startsWith("jdbc:h2:");
        boolean h2Server = url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
        if (url.isEmpty() || (h2 && !h2Server)) {
            throw new IllegalStateException("the " + side + " of a remote run needs the job repository its workers and"
                    + " manager share (--spring.profiles.active=postgres,...), not " + (url.isEmpty() ? "none" : url));
        }
    }
}
