package cn.zjdata.portal.bench;

import java.util.List;

/** The benchmark's query mix, written against the portal's vocabulary (base URI http://localhost:8080/). */
final class SparqlQueries {

    /** A named query; graph queries answer RDF, the others SPARQL results. */
    record Query(String name, String text, boolean graph) {
    }

    private static final String PREFIXES = """
            PREFIX zjde: <http://localhost:8080/def/zjde#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcat: <http://www.w3.org/ns/dcat#>
            PREFIX dct:  <http://purl.org/dc/terms/>
            PREFIX qb:   <http://purl.org/linked-data/cube#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            """;

    private SparqlQueries() {
    }

    static List<Query> mix(String syntheticSlug) {
        String table = "http://localhost:8080/api/datasets/" + syntheticSlug + "/data.csv#";
        return List.of(
                select("lookup: one series over the years", """
                        SELECT ?year ?kind ?value WHERE {
                          ?o zjde:indicator <http://localhost:8080/id/indicator/digital-economy-value-added> ;
                             zjde:refYear ?year ; zjde:observationKind/skos:notation ?kind ; zjde:value ?value }
                        ORDER BY ?year ?kind"""),
                select("lookup: a dataset's titles", """
                        SELECT ?title WHERE { <http://localhost:8080/id/dataset/progress-2018> dct:title ?title }"""),
                select("slice: every 2022 target", """
                        SELECT ?indicator ?printed ?document WHERE {
                          ?o zjde:observationKind zjde:kind-target ; zjde:refYear "2022"^^xsd:gYear ;
                             zjde:indicator ?indicator ; zjde:valueAsPrinted ?printed ; zjde:sourceDocument ?document }
                        ORDER BY ?indicator ?printed"""),
                select("slice: 2020 targets missed", """
                        SELECT ?indicator ?actual ?target WHERE {
                          ?a zjde:indicator ?indicator ; zjde:refYear "2020"^^xsd:gYear ;
                             zjde:observationKind zjde:kind-actual ; zjde:value ?actual .
                          ?t zjde:indicator ?indicator ; zjde:refYear "2020"^^xsd:gYear ;
                             zjde:observationKind zjde:kind-target ; zjde:value ?target .
                          FILTER(?actual < ?target) }"""),
                select("aggregate: observations by kind", """
                        SELECT ?kind (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation ; zjde:observationKind ?kind }
                        GROUP BY ?kind ORDER BY ?kind"""),
                select("aggregate: departments with most task targets", """
                        SELECT ?unit (COUNT(?t) AS ?n) WHERE { ?t a zjde:TaskTarget ; zjde:responsibleUnit ?unit }
                        GROUP BY ?unit ORDER BY DESC(?n) ?unit LIMIT 10"""),
                select("aggregate: datasets per theme", """
                        SELECT ?theme (COUNT(?d) AS ?n) WHERE { ?d a dcat:Dataset ; dcat:theme ?theme }
                        GROUP BY ?theme ORDER BY ?theme"""),
                select("aggregate: 50,000 synthetic rows by year", """
                        SELECT ?year (SUM(?v) AS ?total) (COUNT(*) AS ?n) WHERE {
                          ?row <%syear> ?year ; <%svalue> ?v } GROUP BY ?year ORDER BY ?year""".formatted(table, table)),
                select("text: indicators about 机器人", """
                        SELECT ?indicator ?label WHERE { ?indicator a zjde:Indicator ; skos:prefLabel ?label
                          FILTER(CONTAINS(?label, "机器人")) } ORDER BY ?indicator"""),
                select("text: quotes with 万亿 (regex)", """
                        SELECT ?o ?quote WHERE { ?o zjde:quote ?quote FILTER(REGEX(?quote, "万亿")) } ORDER BY ?o"""),
                select("ask: a dataset of theme REGI", """
                        ASK { ?d a dcat:Dataset ; dcat:theme <http://publications.europa.eu/resource/authority/data-theme/REGI> }"""),
                graph("describe: an indicator", """
                        DESCRIBE <http://localhost:8080/id/indicator/industrial-robots-in-service>"""),
                graph("construct: the indicator registry", """
                        CONSTRUCT { ?i skos:prefLabel ?l ; zjde:canonicalUnit ?u } WHERE {
                          ?i a zjde:Indicator ; skos:prefLabel ?l ; zjde:canonicalUnit ?u }"""));
    }

    /**
     * The same query with a one-row VALUES table of an unused variable joined in: new text (so no answer
     * cache knows it), the same answers. DESCRIBE gets the table in a WHERE clause of its own.
     */
    static String withNonce(String text, String nonce) {
        String values = " VALUES ?__nonce { \"" + nonce + "\" } ";
        if (text.contains("DESCRIBE <") && !text.contains("WHERE")) {
            return text + " WHERE {" + values + "}";
        }
        int brace = text.lastIndexOf('}');
        return text.substring(0, brace) + values + text.substring(brace);
    }

    private static Query select(String name, String body) {
        return new Query(name, PREFIXES + body, false);
    }

    private static Query graph(String name, String body) {
        return new Query(name, PREFIXES + body, true);
    }
}
