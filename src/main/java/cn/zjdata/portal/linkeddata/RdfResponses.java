package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.Preconditions;
import cn.zjdata.portal.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers a linked-data document in the format the client asked for: an explicit one (extension or
 * {@code format=}), else the best offer for its Accept header, else 406. Every answer names its exact
 * variant (Content-Location), lists the others (Link rel="alternate"), varies on Accept, and carries a
 * strong ETag of its bytes, with 304 for a matching If-None-Match.
 */
@ApplicationScoped
public class RdfResponses {

    private final Uris uris;
    /** The reader's language, for the HTML variant (the page layout is the web feature's). */
    private final jakarta.enterprise.inject.Instance<cn.zjdata.portal.web.Ui> ui;

    public RdfResponses(Uris uris, jakarta.enterprise.inject.Instance<cn.zjdata.portal.web.Ui> ui) {
        this.uris = uris;
        this.ui = ui;
    }

    /**
     * @param path    the document's path without extension, from the portal's root, e.g. "/doc/dataset/x" or "/catalog"
     * @param query   the query string to keep on variant links ("" or "?page=2")
     * @param forced  the format an extension or format= chose, or null to negotiate
     * @param subject the thing the HTML variant is about
     */
    public Response respond(Graph graph, Node subject, String path, String query, RdfFormat forced,
                            HttpHeaders headers, Request request) {
        RdfFormat format = forced != null ? forced : negotiate(request);
        String local = uris.local(path);
        List<ResourceView.Alternate> alternates = Arrays.stream(RdfFormat.values())
                .map(f -> new ResourceView.Alternate(f.extension.toUpperCase(), local + "." + f.extension + query, f.mediaType))
                .toList();
        byte[] body = format == RdfFormat.HTML
                ? LinkedDataPages.Templates.resource(ResourceView.of(graph, subject, uris, alternates))
                        .setLocale(ui.get().locale()).render()
                        .getBytes(StandardCharsets.UTF_8)
                : serialize(graph, format);
        String tag = hash(body) + "-" + format.extension;
        Response.ResponseBuilder builder = switch (Preconditions.evaluate(headers, tag, null)) {
            case NOT_MODIFIED -> Response.notModified();
            case PRECONDITION_FAILED -> throw new ProblemException(412, "/problems/precondition-failed",
                    "Precondition failed", "The document no longer matches If-Match", List.of());
            case PROCEED -> Response.ok(body, format.contentType());
        };
        // Negotiated answers carry Vary: Accept, which Request.selectVariant adds; an explicit format does not vary.
        builder.tag(new EntityTag(tag))
                .header("Content-Location", local + "." + format.extension + query)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=0, must-revalidate")
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", "ETag, Link, Content-Location, Vary");
        for (ResourceView.Alternate alternate : alternates) {
            builder.header("Link", "<" + alternate.href() + ">; rel=\"alternate\"; type=\"" + alternate.mediaType() + "\"");
        }
        return builder.build();
    }

    private static RdfFormat negotiate(Request request) {
        Variant chosen = request.selectVariant(RdfFormat.variants());
        if (chosen == null) {
            throw new ProblemException(406, "/problems/not-acceptable", "Not acceptable",
                    "This document is offered as " + Arrays.stream(RdfFormat.values()).map(f -> f.mediaType)
                            .collect(Collectors.joining(", ")) + "; add a matching Accept header, an extension such as .ttl, or format=ttl",
                    List.of());
        }
        return RdfFormat.byMediaType(chosen.getMediaType()).orElse(RdfFormat.TURTLE);
    }

    /** The format named by an extension (".ttl") or a format= value ("ttl", "turtle"); 400 when unknown. */
    public static RdfFormat explicit(String extension, String formatParameter) {
        String name = formatParameter != null && !formatParameter.isBlank() ? formatParameter.strip()
                : extension == null || extension.isEmpty() ? null : extension.substring(1);
        if (name == null) {
            return null;
        }
        String normalised = switch (name.toLowerCase()) {
            case "turtle" -> "ttl";
            case "json-ld", "json" -> "jsonld";
            case "rdfxml", "xml", "rdf-xml" -> "rdf";
            case "ntriples", "n-triples" -> "nt";
            case "htm" -> "html";
            default -> name.toLowerCase();
        };
        return RdfFormat.byExtension(normalised).orElseThrow(() -> new ProblemException(406, "/problems/not-acceptable",
                "Not acceptable", "'" + name + "' is not one of the formats offered: "
                + Arrays.stream(RdfFormat.values()).map(f -> f.extension).collect(Collectors.joining(", ")), List.of()));
    }

    static byte[] serialize(Graph graph, RdfFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(graph).format(format.writer).output(out);
        return out.toByteArray();
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
