package cn.zjdata.portal.security;

import java.util.Set;

/**
 * Who is making a request, as the services see it: the account, its role, and the departments it may act
 * for in this request (a token's scope narrows its owner's departments).
 *
 * @param via          how the request was authenticated
 * @param sessionSha256 the session's id when {@code via} is SESSION (for CSRF checks and sign-out)
 */
public record Actor(long accountId, String username, Role role, Set<String> departments, Via via, String sessionSha256) {

    public enum Via { SESSION, TOKEN }

    public Actor {
        departments = Set.copyOf(departments);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /**
     * May edit, upload and publish (or submit for review) this department's datasets. An administrator in a
     * browser session acts for every department; a token, even an administrator's, only for its scope.
     */
    public boolean canPublishFor(String department) {
        return unrestrictedAdmin() || (role == Role.ADMIN || role == Role.PUBLISHER) && departments.contains(department);
    }

    /** May approve or reject releases submitted for review in this department. */
    public boolean canReviewFor(String department) {
        return unrestrictedAdmin() || (role == Role.ADMIN || role == Role.REVIEWER) && departments.contains(department);
    }

    private boolean unrestrictedAdmin() {
        return role == Role.ADMIN && via == Via.SESSION;
    }
}
