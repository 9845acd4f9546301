package cn.zjdata.portal.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static cn.zjdata.portal.common.Preconditions.Outcome.NOT_MODIFIED;
import static cn.zjdata.portal.common.Preconditions.Outcome.PRECONDITION_FAILED;
import static cn.zjdata.portal.common.Preconditions.Outcome.PROCEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PreconditionsTest {

    private static final String TAG = "abc-r1-csv";
    private static final Instant MODIFIED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private static Preconditions.Outcome evaluate(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince) {
        return Preconditions.evaluate(ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince, TAG, MODIFIED, NOW);
    }

    @Test
    void ifNoneMatchUsesWeakComparisonAndAcceptsLists() {
        assertEquals(NOT_MODIFIED, evaluate(null, null, "\"abc-r1-csv\"", null));
        assertEquals(NOT_MODIFIED, evaluate(null, null, "W/\"abc-r1-csv\"", null));
        assertEquals(NOT_MODIFIED, evaluate(null, null, "\"other\", W/\"abc-r1-csv\"", null));
        assertEquals(NOT_MODIFIED, evaluate(null, null, "*", null));
        assertEquals(PROCEED, evaluate(null, null, "\"abc-r2-csv\"", null));
    }

    @Test
    void ifNoneMatchTakesPrecedenceOverIfModifiedSince() {
        assertEquals(PROCEED, evaluate(null, null, "\"stale\"", "Mon, 23 Nov 2026 08:30:00 GMT"));
    }

    @Test
    void ifModifiedSinceIsAnsweredByTheDateInEveryHttpFormat() {
        assertEquals(NOT_MODIFIED, evaluate(null, null, null, "Mon, 23 Nov 2026 08:00:00 GMT"));
        assertEquals(NOT_MODIFIED, evaluate(null, null, null, "Monday, 23-Nov-26 08:30:00 GMT"));
        assertEquals(NOT_MODIFIED, evaluate(null, null, null, "Mon Nov 23 08:30:00 2026"));
        assertEquals(PROCEED, evaluate(null, null, null, "Mon, 23 Nov 2026 07:59:59 GMT"));
    }

    @Test
    void invalidOrFutureDatesAreIgnored() {
        assertEquals(PROCEED, evaluate(null, null, null, "garbage"));
        assertEquals(PROCEED, evaluate(null, null, null, "Tue, 01 Jan 2099 00:00:00 GMT"));
        assertEquals(PROCEED, evaluate(null, "garbage", null, null));
        assertNull(Preconditions.date("Tue, 01 Jan 2099 00:00:00 GMT", NOW));
    }

    @Test
    void ifMatchUsesStrongComparison() {
        assertEquals(PROCEED, evaluate("\"abc-r1-csv\"", null, null, null));
        assertEquals(PROCEED, evaluate("*", null, null, null));
        assertEquals(PRECONDITION_FAILED, evaluate("W/\"abc-r1-csv\"", null, null, null));
        assertEquals(PRECONDITION_FAILED, evaluate("\"abc-r2-csv\"", null, null, null));
    }

    @Test
    void ifUnmodifiedSinceFailsWhenTheReleaseChangedAfterIt() {
        assertEquals(PRECONDITION_FAILED, evaluate(null, "Mon, 23 Nov 2026 07:00:00 GMT", null, null));
        assertEquals(PROCEED, evaluate(null, "Mon, 23 Nov 2026 08:00:00 GMT", null, null));
    }
}
