package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sign-in form's two judgements: where to go after signing in, and when a locked account opens again. */
final class SignInForm {

    static final String DASHBOARD = "/staff";
    /** SessionService's 429 detail ends with the instant the lock ends: "… try again after 2026-01-01T08:00:00Z". */
    private static final Pattern LOCKED_UNTIL = Pattern.compile("after (\\S+)$");

    private SignInForm() {
    }

    /**
     * The page to open after signing in: {@code next} when it is a staff page of this site (a local path under
     * {@code /staff}, never another host however written), else the dashboard.
     */
    static String safeNext(String next) {
        if (next == null || next.isBlank() || next.contains("\\") || next.startsWith("//")) {
            return DASHBOARD;
        }
        try {
            URI uri = new URI(next);
            String path = uri.getRawPath();
            boolean local = uri.getScheme() == null && uri.getRawAuthority() == null && path != null;
            boolean staffPage = local && (path.equals(DASHBOARD) || path.startsWith(DASHBOARD + "/"))
                    && !path.equals("/staff/sign-in") && !path.equals("/staff/sign-out");
            return staffPage ? next : DASHBOARD;
        } catch (URISyntaxException e) {
            return DASHBOARD;
        }
    }

    /** When a locked account may sign in again, read from the 429 problem, or null. */
    static Instant lockedUntil(ProblemException problem) {
        if (problem.status() != 429 || problem.getMessage() == null) {
            return null;
        }
        Matcher m = LOCKED_UNTIL.matcher(problem.getMessage());
        try {
            return m.find() ? Instant.parse(m.group(1)) : null;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
