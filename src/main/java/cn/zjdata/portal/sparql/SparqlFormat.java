package cn.zjdata.portal.sparql;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Everything the endpoint can answer in, declared once. Each query form is offered the formats of its
 * kind in this order (the first is the default); content negotiation on Accept picks among them, and
 * the {@code format} parameter names one directly by its token.
 */
public enum SparqlFormat {
    JSON(Kind.RESULTS, "json", "application/sparql-results+json", "", ResultSetLang.RS_JSON, "SPARQL_Results_JSON",
            "application/json"),
    XML(Kind.RESULTS, "xml", "application/sparql-results+xml", "", ResultSetLang.RS_XML, "SPARQL_Results_XML"),
    CSV(Kind.RESULTS, "csv", "text/csv", "; charset=utf-8", ResultSetLang.RS_CSV, "SPARQL_Results_CSV"),
    TSV(Kind.RESULTS, "tsv", "text/tab-separated-values", "; charset=utf-8", ResultSetLang.RS_TSV, "SPARQL_Results_TSV"),
    TURTLE(Kind.GRAPH, "ttl", "text/turtle", "; charset=utf-8", Lang.TURTLE, "Turtle", "application/x-turtle"),
    JSONLD(Kind.GRAPH, "jsonld", "application/ld+json", "", Lang.JSONLD, "JSON-LD"),
    NTRIPLES(Kind.GRAPH, "nt", "application/n-triples", "; charset=utf-8", Lang.NTRIPLES, "N-Triples"),
    RDFXML(Kind.GRAPH, "rdf", "application/rdf+xml", "", Lang.RDFXML, "RDF_XML"),
    /** The query page, offered only where the service description is. */
    HTML(Kind.PAGE, "html", "text/html", "; charset=utf-8", null, null);

    /** What a format can carry. */
    public enum Kind {
        /** SELECT rows and ASK booleans. */
        RESULTS,
        /** CONSTRUCT and DESCRIBE graphs, and the service description. */
        GRAPH,
        /** The HTML query page. */
        PAGE
    }

    public final Kind kind;
    /** The value of the {@code format} parameter that asks for this format. */
    public final String token;
    public final String mediaType;
    public final Lang lang;
    /** Other media types a client may ask for this format by. */
    public final List<String> aliases;
    private final String parameters;
    private final String w3cFormat;

    SparqlFormat(Kind kind, String token, String mediaType, String parameters, Lang lang, String w3cFormat,
                 String... aliases) {
        this.kind = kind;
        this.token = token;
        this.mediaType = mediaType;
        this.parameters = parameters;
        this.lang = lang;
        this.w3cFormat = w3cFormat;
        this.aliases = List.of(aliases);
    }

    /** The Content-Type header of an answer in this format. */
    public String contentType() {
        return mediaType + parameters;
    }

    /** The format's IRI in the W3C registry (http://www.w3.org/ns/formats/), for the service description. */
    public Optional<String> w3cFormatIri() {
        return Optional.ofNullable(w3cFormat).map(local -> "http://www.w3.org/ns/formats/" + local);
    }

    /** The formats offered for SELECT and ASK. */
    public static List<SparqlFormat> results() {
        return of(Kind.RESULTS);
    }

    /** The formats offered for CONSTRUCT and DESCRIBE. */
    public static List<SparqlFormat> graphs() {
        return of(Kind.GRAPH);
    }

    /** The formats offered for a GET without a query: the service description, or the page for a browser. */
    public static List<SparqlFormat> serviceDescription() {
        return Arrays.stream(values()).filter(f -> f.kind != Kind.RESULTS).toList();
    }

    private static List<SparqlFormat> of(Kind kind) {
        return Arrays.stream(values()).filter(f -> f.kind == kind).toList();
    }
}
