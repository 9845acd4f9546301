package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.PortalUris;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The portal's URI scheme. Every thing is named {@code {base}id/<kind>/<key>}; a GET on it answers
 * 303 See Other to its description at {@code {base}doc/<kind>/<key>}, which is content-negotiated.
 * The vocabulary is {@code {base}def/zjde#}, its shapes {@code {base}def/zjde-shapes#}; named graphs
 * are {@code {base}graph/…}.
 */
@ApplicationScoped
public class Uris {

    private final String base;
    private final String basePath;

    public Uris(PortalUris portal) {
        this.base = portal.base();
        String path = java.net.URI.create(base).getRawPath();
        this.basePath = path == null || path.isEmpty() ? "/" : path;
    }

    /**
     * A link to one of the portal's own pages, from the host's root: {@code /doc/x} is {@code /portal/doc/x}
     * when the base URI is {@code https://host/portal/}, so links stay inside a portal served under a path.
     */
    public String local(String rootRelative) {
        return basePath + (rootRelative.startsWith("/") ? rootRelative.substring(1) : rootRelative);
    }

    public String base() {
        return base;
    }

    public String idBase() {
        return base + "id/";
    }

    public String docBase() {
        return base + "doc/";
    }

    public String vocabularyDocument() {
        return base + "def/zjde";
    }

    public String zjdeNamespace() {
        return vocabularyDocument() + "#";
    }

    public Node zjde(String local) {
        return NodeFactory.createURI(zjdeNamespace() + local);
    }

    private Node id(String path) {
        return NodeFactory.createURI(idBase() + path);
    }

    public Node catalog() {
        return id("catalog");
    }

    public Node dataset(String slug) {
        return id("dataset/" + slug);
    }

    public Node release(String slug, int number) {
        return id("dataset/" + slug + "/release/" + number);
    }

    /** A distribution of the latest release (number null) or of release n. */
    public Node distribution(String slug, Integer number, String format) {
        return id("dataset/" + slug + (number == null ? "" : "/release/" + number) + "/distribution/" + format);
    }

    public Node organization(String id) {
        return id("organization/" + segment(id));
    }

    public Node agent(String name) {
        return id("agent/" + segment(name));
    }

    public Node document(String id) {
        return id("document/" + segment(id));
    }

    public Node plan(String id) {
        return id("plan/" + segment(id));
    }

    /** A part of a plan, at a '/'-separated path whose pieces are encoded like any other segment. */
    public Node planItem(String plan, String path) {
        return id("plan/" + segment(plan) + "/" + java.util.Arrays.stream(path.split("/", -1))
                .map(Uris::segment).collect(java.util.stream.Collectors.joining("/")));
    }

    public Node category(String id) {
        return id("category/" + segment(id));
    }

    public Node unit(String id) {
        return id("unit/" + segment(id));
    }

    public Node place(String id) {
        return id("place/" + segment(id));
    }

    public Node indicator(String code) {
        return id("indicator/" + segment(code));
    }

    public Node keyword(String language, String text) {
        return id("keyword/" + language + "/" + segment(text));
    }

    public Node keywordScheme() {
        return id("scheme/keywords");
    }

    /** An observation, named by its table's primary key so it keeps its URI across releases. */
    public Node observation(String slug, String indicator, int period, String kind, String source, String section) {
        return id("dataset/" + slug + "/observation/" + segment(indicator) + "/" + period + "/" + kind + "/"
                + segment(source) + "/" + shortHash(section));
    }

    public Node sparqlService() {
        return id("service/sparql");
    }

    public Node apiService() {
        return id("service/api");
    }

    public Node voidDataset() {
        return id("void");
    }

    // --- named graphs ---------------------------------------------------------------------------

    public Node catalogGraph() {
        return NodeFactory.createURI(base + "graph/catalog");
    }

    public Node datasetGraph(String slug) {
        return NodeFactory.createURI(base + "graph/dataset/" + slug);
    }

    public Node vocabularyGraph() {
        return NodeFactory.createURI(vocabularyDocument());
    }

    // --- dereferencing --------------------------------------------------------------------------

    /** The description document of a thing named under {base}id/, or empty for any other URI. */
    public Optional<String> documentOf(String uri) {
        return uri.startsWith(idBase()) ? Optional.of(docBase() + uri.substring(idBase().length())) : Optional.empty();
    }

    /** The thing a description document describes. */
    public String thingOf(String documentPath) {
        return idBase() + documentPath;
    }

    /**
     * A path below {@code id/} or {@code doc/} as the portal writes it: each segment decoded and encoded
     * again the way {@link #segment} does, so {@code keyword/zh/指标} and {@code keyword/zh/%e6%8c%87%e6%a0%87}
     * both name {@code keyword/zh/%E6%8C%87%E6%A0%87}. Empty when a segment is not valid percent-encoded UTF-8.
     */
    public static Optional<String> canonicalPath(String rawPath) {
        String[] pieces = rawPath.split("/", -1);
        for (int i = 0; i < pieces.length; i++) {
            try {
                String decoded = java.net.URLDecoder.decode(pieces[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                if (decoded.indexOf('\uFFFD') >= 0 && pieces[i].indexOf('\uFFFD') < 0) {
                    return Optional.empty(); // bytes that are not UTF-8
                }
                pieces[i] = segment(decoded);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join("/", pieces));
    }

    /** A URL path segment for an identifier (which may hold Chinese text, spaces, slashes). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
