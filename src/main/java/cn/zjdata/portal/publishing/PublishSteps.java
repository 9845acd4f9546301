package cn.zjdata.portal.publishing;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The points a publish passes, announced so tests can inject a failure (a crash) at each one and check that
 * what is visible afterwards is either the previous release or the new one. Does nothing in the portal.
 */
@ApplicationScoped
public class PublishSteps {

    public enum Step {
        /** The release file is in the file store; the database transaction has not committed. */
        FILE_STORED,
        /** The database transaction has committed; the projections have not yet been told. */
        COMMITTED,
        /** The RDF projection has written a dataset's new graph inside its store transaction, not yet committed. */
        PROJECTING
    }

    public void reached(Step step, String slug) {
        // a seam for failure-injection tests
    }
}
