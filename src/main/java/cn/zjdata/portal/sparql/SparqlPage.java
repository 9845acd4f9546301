package cn.zjdata.portal.sparql;

import cn.zjdata.portal.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The HTML query page, in the site's layout and the reader's language: a form that works without
 * JavaScript, with an example in the editor (the first one unless another is asked for), and every example query.
 */
@ApplicationScoped
public class SparqlPage {

    /** A choice in the format menu. */
    public record FormatOption(String token, String label) {
    }

    /**
     * What the page shows.
     *
     * @param endpoint the endpoint's absolute URL
     * @param query    the query in the editor
     */
    public record View(String endpoint, String query, List<ExampleQuery> examples, List<FormatOption> formats) {
    }

    private static final List<FormatOption> FORMATS = List.of(
            new FormatOption("json", "JSON (SELECT, ASK)"),
            new FormatOption("xml", "XML (SELECT, ASK)"),
            new FormatOption("csv", "CSV (SELECT, ASK)"),
            new FormatOption("tsv", "TSV (SELECT, ASK)"),
            new FormatOption("ttl", "Turtle (CONSTRUCT, DESCRIBE)"),
            new FormatOption("jsonld", "JSON-LD (CONSTRUCT, DESCRIBE)"),
            new FormatOption("nt", "N-Triples (CONSTRUCT, DESCRIBE)"),
            new FormatOption("rdf", "RDF/XML (CONSTRUCT, DESCRIBE)"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance query(View view);
    }

    private final ExampleQueries examples;
    private final ServiceDescription description;
    private final Ui ui;

    public SparqlPage(ExampleQueries examples, ServiceDescription description, Ui ui) {
        this.examples = examples;
        this.description = description;
        this.ui = ui;
    }

    public Response show(String example) {
        ExampleQuery shown = example == null ? examples.list().getFirst()
                : examples.find(example).orElse(examples.list().getFirst());
        View view = new View(description.endpoint(), shown.query(), examples.list(), FORMATS);
        return Response.ok(Templates.query(view).setLocale(ui.locale()).render(), SparqlFormat.HTML.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }
}
