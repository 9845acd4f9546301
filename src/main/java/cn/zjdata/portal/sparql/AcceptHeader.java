package cn.zjdata.portal.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An Accept header (RFC 9110 §12.5.1) and the choice it makes among offers: each offer gets the q-value
 * of the most specific media range that matches it ({@code text/csv} before {@code text/*} before
 * {@code *}{@code /*}); the highest q above zero wins, and ties go to the offer listed first. No header
 * accepts anything. Ranges that do not parse are ignored.
 */
public final class AcceptHeader {

    private record Range(String type, String subtype, double q) {

        /** 2 for an exact match, 1 for type/*, 0 for *&#47;*, -1 when the range does not match. */
        int specificity(String mediaType) {
            int slash = mediaType.indexOf('/');
            String t = mediaType.substring(0, slash);
            String s = mediaType.substring(slash + 1);
            if (type.equals("*")) {
                return subtype.equals("*") ? 0 : -1;
            }
            if (!type.equals(t)) {
                return -1;
            }
            return subtype.equals("*") ? 1 : subtype.equals(s) ? 2 : -1;
        }
    }

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = ranges;
    }

    public static AcceptHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return new AcceptHeader(List.of(new Range("*", "*", 1.0)));
        }
        List<Range> ranges = new ArrayList<>();
        for (String element : header.split(",")) {
            parseRange(element).ifPresent(ranges::add);
        }
        return new AcceptHeader(ranges);
    }

    private static Optional<Range> parseRange(String element) {
        String[] parts = element.split(";");
        String mediaRange = parts[0].strip().toLowerCase(Locale.ROOT);
        int slash = mediaRange.indexOf('/');
        if (slash <= 0 || slash == mediaRange.length() - 1) {
            return Optional.empty();
        }
        String type = mediaRange.substring(0, slash);
        String subtype = mediaRange.substring(slash + 1);
        if (type.equals("*") && !subtype.equals("*")) {
            return Optional.empty();
        }
        double q = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    q = Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (q < 0 || q > 1) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Range(type, subtype, q));
    }

    /**
     * How much the client wants a format, 0 when not at all. The most specific range matching its media
     * type or one of its aliases decides; on equal specificity, the media type's own match.
     */
    public double quality(SparqlFormat format) {
        Match best = match(format.mediaType);
        for (String alias : format.aliases) {
            Match m = match(alias);
            if (m.specificity() > best.specificity()) {
                best = m;
            }
        }
        return best.specificity() < 0 ? 0 : best.q();
    }

    private record Match(int specificity, double q) {
    }

    private Match match(String mediaType) {
        int specificity = -1;
        double q = 0;
        for (Range range : ranges) {
            int s = range.specificity(mediaType);
            if (s > specificity || (s == specificity && s >= 0 && range.q() > q)) {
                specificity = s;
                q = range.q();
            }
        }
        return new Match(specificity, q);
    }

    /** The offer the client wants most; the earlier offer on a tie; empty when it accepts none. */
    public Optional<SparqlFormat> choose(List<SparqlFormat> offers) {
        SparqlFormat chosen = null;
        double best = 0;
        for (SparqlFormat offer : offers) {
            double q = quality(offer);
            if (q > best) {
                best = q;
                chosen = offer;
            }
        }
        return Optional.ofNullable(chosen);
    }
}
