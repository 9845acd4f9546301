package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.Problem;
import cn.zjdata.portal.common.ProblemException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The content problems found while reading one upload. Problems that still let reading go on (a ragged
 * row, a formula cell) are collected, the first {@link #MAX_LISTED} listed and all of them counted;
 * problems that stop reading (an undecodable line, an endless cell) are thrown at once, together with
 * what was collected before them.
 */
final class UploadProblems {

    /** How many problems an answer lists; all of them are counted in its detail. */
    static final int MAX_LISTED = 100;

    static final String TYPE = "/problems/validation";
    static final String TITLE = "The upload is not valid";

    /** The kinds of problem that are collected, each with how its count reads in the detail. */
    enum Kind {
        RAGGED_ROW("row does not have as many cells as the header", "rows do not have as many cells as the header"),
        OUTSIDE_HEADER("cell lies outside the columns named by the header", "cells lie outside the columns named by the header"),
        FORMULA("cell holds a formula", "cells hold formulas"),
        ERROR_VALUE("cell holds a spreadsheet error such as #N/A", "cells hold spreadsheet errors such as #N/A");

        private final String one;
        private final String many;

        Kind(String one, String many) {
            this.one = one;
            this.many = many;
        }

        String describe(long count) {
            return count + " " + (count == 1 ? one : many);
        }
    }

    private final List<FieldError> listed = new ArrayList<>();
    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    private long total;

    void add(Kind kind, FieldError error) {
        total++;
        counts.merge(kind, 1L, Long::sum);
        if (listed.size() < MAX_LISTED) {
            listed.add(error);
        }
    }

    boolean any() {
        return total > 0;
    }

    /** Throws a 422 listing the collected problems, if there are any. */
    void throwIfAny() {
        if (total == 0) {
            return;
        }
        String detail = counts.entrySet().stream()
                .map(e -> e.getKey().describe(e.getValue()))
                .collect(Collectors.joining("; "));
        if (total > listed.size()) {
            detail += " (the first " + listed.size() + " problems are listed)";
        }
        throw new ProblemException(422, TYPE, TITLE, capitalise(detail), listed);
    }

    /** The same fatal problem, followed by the problems collected before it. */
    ProblemException withEarlier(ProblemException fatal) {
        if (total == 0) {
            return fatal;
        }
        Problem problem = fatal.toProblem();
        List<FieldError> errors = new ArrayList<>(problem.errors());
        errors.addAll(listed);
        return new ProblemException(problem.status(), problem.type(), problem.title(), problem.detail(), errors);
    }

    /** A 422 that stops reading at once. */
    static ProblemException invalid(String detail, FieldError... errors) {
        return new ProblemException(422, TYPE, TITLE, detail, List.of(errors));
    }

    /** The 415 for an upload that is neither CSV nor XLSX. */
    static ProblemException unsupported(String detail) {
        return new ProblemException(415, "/problems/unsupported-media-type", "Unsupported Media Type", detail,
                List.of(FieldError.of("file", detail)));
    }

    /** At most 100 characters of a value, for quoting it in a message. */
    static String abbreviate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
