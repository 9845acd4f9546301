package cn.zjdata.portal.linkeddata;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Variant;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The representations every linked-data document is offered in, declared once: content negotiation
 * chooses among them, an extension ({@code .ttl}) or a {@code format=} parameter picks one directly.
 * Listed in the order a client that accepts anything gets them.
 */
public enum RdfFormat {
    TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY, Lang.TURTLE),
    HTML("text/html", "html", null, null),
    JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY, Lang.JSONLD11),
    RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PRETTY, Lang.RDFXML),
    NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES_UTF8, Lang.NTRIPLES);

    public final String mediaType;
    public final String extension;
    public final RDFFormat writer;
    public final Lang lang;

    RdfFormat(String mediaType, String extension, RDFFormat writer, Lang lang) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.writer = writer;
        this.lang = lang;
    }

    public static Optional<RdfFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }

    public static Optional<RdfFormat> byMediaType(MediaType type) {
        return Arrays.stream(values())
                .filter(f -> MediaType.valueOf(f.mediaType).isCompatible(type) && !type.isWildcardType() && !type.isWildcardSubtype())
                .findFirst();
    }

    public static List<Variant> variants() {
        return Arrays.stream(values()).map(f -> new Variant(MediaType.valueOf(f.mediaType), (String) null, null)).toList();
    }

    /** The Content-Type header value. */
    public String contentType() {
        return mediaType + (this == RDFXML || this == JSONLD ? "" : "; charset=utf-8");
    }
}
