package cn.zjdata.portal.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conditional-request rules of RFC 9110 §13.2.2 for a GET or HEAD of a representation with a strong
 * entity tag and a last-modified time: If-Match, If-Unmodified-Since, If-None-Match (weak comparison,
 * taking precedence over the date) and If-Modified-Since. Dates that do not parse, or lie in the future,
 * are ignored as the RFC requires.
 */
public final class Preconditions {

    public enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

    private static final DateTimeFormatter RFC_850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private Preconditions() {
    }

    /** Evaluates the four conditional headers of a request against a representation. */
    public static Outcome evaluate(jakarta.ws.rs.core.HttpHeaders headers, String opaqueTag, Instant lastModified) {
        return evaluate(headers.getHeaderString("If-Match"), headers.getHeaderString("If-Unmodified-Since"),
                headers.getHeaderString("If-None-Match"), headers.getHeaderString("If-Modified-Since"),
                opaqueTag, lastModified, Instant.now());
    }

    /**
     * @param opaqueTag    the representation's entity tag, without quotes
     * @param lastModified when it last changed, to the second; null when unknown (the date headers are then ignored)
     */
    public static Outcome evaluate(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince,
                            String opaqueTag, Instant lastModified, Instant now) {
        if (ifMatch != null) {
            if (!matches(ifMatch, opaqueTag, true)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (lastModified != null) {
            Instant since = date(ifUnmodifiedSince, now);
            if (since != null && lastModified.isAfter(since)) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, opaqueTag, false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        Instant since = lastModified == null ? null : date(ifModifiedSince, now);
        if (since != null && !lastModified.isAfter(since)) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /** Does a list of entity tags (or "*") match? Strong comparison refuses weak tags. */
    public static boolean matches(String header, String opaqueTag, boolean strong) {
        if (header.strip().equals("*")) {
            return true;
        }
        for (String tag : tags(header)) {
            boolean weak = tag.startsWith("W/");
            String quoted = weak ? tag.substring(2) : tag;
            if (quoted.length() >= 2 && quoted.startsWith("\"") && quoted.endsWith("\"")
                    && quoted.substring(1, quoted.length() - 1).equals(opaqueTag) && !(strong && weak)) {
                return true;
            }
        }
        return false;
    }

    /** Splits a header of entity tags on the commas between them (an opaque tag may contain none but quotes). */
    private static List<String> tags(String header) {
        List<String> tags = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                tags.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        tags.add(current.toString().strip());
        return tags;
    }

    /** An HTTP date in any of the three formats RFC 9110 accepts; null when invalid or in the future. */
    public static Instant date(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String text = header.strip();
        Instant parsed = null;
        try {
            parsed = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                parsed = LocalDateTime.parse(text, RFC_850).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    parsed = LocalDateTime.parse(text, ASCTIME).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
        return parsed.isAfter(now) ? null : parsed;
    }
}
