package cn.zjdata.portal.sparql;

import cn.zjdata.portal.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a SPARQL Protocol query request (§2.1) from HTTP and checks it before anything runs: GET with
 * the query in the URL; POST as {@code application/x-www-form-urlencoded} or as
 * {@code application/sparql-query} (UTF-8); one query at most; no update in any form; the query within
 * {@code max-query-length}, counted on every place a query can come from. A body is never read further
 * than the limit needs, so a request cannot get past it by lying about its length.
 */
@ApplicationScoped
public class ProtocolReader {

    static final String QUERY = "query";
    static final String DEFAULT_GRAPH = "default-graph-uri";
    static final String NAMED_GRAPH = "named-graph-uri";
    static final String FORMAT = "format";
    static final String TIMEOUT = "timeout";
    private static final Set<String> UPDATE_PARAMETERS = Set.of("update", "using-graph-uri", "using-named-graph-uri");

    static final String SPARQL_QUERY = "application/sparql-query";
    static final String SPARQL_UPDATE = "application/sparql-update";
    static final String FORM = "application/x-www-form-urlencoded";

    private final long maxQueryLength;

    public ProtocolReader(SparqlConfig config) {
        this.maxQueryLength = config.maxQueryLength().asLongValue();
    }

    /** A GET: everything is in the URL; no query asks for the service description. */
    public ProtocolRequest fromGet(MultivaluedMap<String, String> parameters) {
        refuseUpdates(parameters);
        String query = single(parameters, QUERY, SparqlProblems::multipleQueries);
        if (query != null && utf8Length(query) > maxQueryLength) {
            throw SparqlProblems.queryTooLongInUrl(maxQueryLength);
        }
        return request(query, parameters);
    }

    /** A POST: the query in the body, directly or form-encoded; other parameters in the URL or the form. */
    public ProtocolRequest fromPost(MultivaluedMap<String, String> urlParameters, String contentType,
                                    String contentEncoding, InputStream body) {
        if (contentEncoding != null && !contentEncoding.isBlank() && !contentEncoding.strip().equalsIgnoreCase("identity")) {
            throw SparqlProblems.unsupportedMediaType("Content-Encoding: " + contentEncoding);
        }
        MediaType type = MediaType.parse(contentType).orElseThrow(() -> SparqlProblems.unsupportedMediaType(contentType));
        if (type.is(SPARQL_UPDATE)) {
            throw SparqlProblems.readOnly();
        }
        if (!type.is(SPARQL_QUERY) && !type.is(FORM)) {
            throw SparqlProblems.unsupportedMediaType(contentType);
        }
        if (type.charset().filter(c -> !c.equalsIgnoreCase("utf-8") && !c.equalsIgnoreCase("utf8")).isPresent()) {
            throw SparqlProblems.notUtf8();
        }
        refuseUpdates(urlParameters);
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        urlParameters.forEach(parameters::addAll);
        if (type.is(SPARQL_QUERY)) {
            parameters.add(QUERY, utf8(read(body, maxQueryLength, maxQueryLength)));
        } else {
            // Percent-encoding takes up to three bytes per byte, and other parameters come along.
            decodeForm(utf8(read(body, 3 * maxQueryLength + 16 * 1024, maxQueryLength))).forEach(parameters::addAll);
            refuseUpdates(parameters);
        }
        String query = single(parameters, QUERY, SparqlProblems::multipleQueries);
        if (query == null) {
            throw SparqlProblems.missingQuery();
        }
        if (utf8Length(query) > maxQueryLength) {
            throw SparqlProblems.queryTooLarge(maxQueryLength);
        }
        return request(query, parameters);
    }

    private ProtocolRequest request(String query, MultivaluedMap<String, String> parameters) {
        List<String> defaultGraphs = graphs(parameters, DEFAULT_GRAPH);
        List<String> namedGraphs = graphs(parameters, NAMED_GRAPH);
        Optional<String> format = Optional.ofNullable(single(parameters, FORMAT,
                () -> ProblemException.badParameter(FORMAT, "give one format at most"))).filter(f -> !f.isBlank()).map(String::strip);
        Optional<Duration> timeout = Optional.ofNullable(single(parameters, TIMEOUT,
                () -> ProblemException.badParameter(TIMEOUT, "give one timeout at most"))).filter(t -> !t.isBlank()).map(ProtocolReader::timeout);
        return new ProtocolRequest(query, defaultGraphs, namedGraphs, format, timeout);
    }

    private static void refuseUpdates(MultivaluedMap<String, String> parameters) {
        if (parameters.keySet().stream().anyMatch(UPDATE_PARAMETERS::contains)) {
            throw SparqlProblems.readOnly();
        }
    }

    private static String single(MultivaluedMap<String, String> parameters, String name,
                                 Supplier<ProblemException> tooMany) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw tooMany.get();
        }
        return values.getFirst();
    }

    private static List<String> graphs(MultivaluedMap<String, String> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        for (String value : values) {
            try {
                if (!IRIx.create(value).isAbsolute()) {
                    throw ProblemException.badParameter(name, "'" + value + "' is not an absolute IRI");
                }
            } catch (IRIException e) {
                throw ProblemException.badParameter(name, "'" + value + "' is not an IRI");
            }
        }
        return values;
    }

    /** The {@code timeout} parameter: seconds, a positive decimal number. */
    static Duration timeout(String seconds) {
        try {
            BigDecimal value = new BigDecimal(seconds.strip());
            if (value.signum() <= 0) {
                throw ProblemException.badParameter(TIMEOUT, "must be a positive number of seconds");
            }
            BigDecimal millis = value.movePointRight(3);
            return millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0
                    ? Duration.ofMillis(Long.MAX_VALUE) : Duration.ofMillis(Math.max(1, millis.longValue()));
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(TIMEOUT, "must be a number of seconds, was '" + seconds + "'");
        }
    }

    /** Reads a body up to {@code limit} bytes; a longer one is refused without reading the rest. */
    private static byte[] read(InputStream body, long limit, long queryLimit) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw SparqlProblems.queryTooLarge(queryLimit);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw SparqlProblems.notUtf8();
        }
    }

    private static MultivaluedMap<String, String> decodeForm(String form) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.add(name, value);
            } catch (IllegalArgumentException e) {
                throw SparqlProblems.malformedBody("The form body is not valid application/x-www-form-urlencoded");
            }
        }
        return parameters;
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A Content-Type header: its essence (type/subtype, lower case) and charset. */
    private record MediaType(String essence, Map<String, String> parameters) {

        static Optional<MediaType> parse(String header) {
            if (header == null || header.isBlank()) {
                return Optional.empty();
            }
            String[] parts = header.split(";");
            String essence = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!essence.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
                return Optional.empty();
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    parameters.put(parts[i].substring(0, eq).strip().toLowerCase(Locale.ROOT),
                            parts[i].substring(eq + 1).strip().replace("\"", ""));
                }
            }
            return Optional.of(new MediaType(essence, parameters));
        }

        boolean is(String type) {
            return essence.equals(type);
        }

        Optional<String> charset() {
            return Optional.ofNullable(parameters.get("charset"));
        }
    }
}
