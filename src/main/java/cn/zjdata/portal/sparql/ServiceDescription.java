package cn.zjdata.portal.sparql;

import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.linkeddata.RdfStore;
import cn.zjdata.portal.linkeddata.Uris;
import cn.zjdata.portal.linkeddata.Vocab;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The SPARQL 1.1 Service Description of the endpoint (what a GET without a query answers): the
 * endpoint, the language, every result format by its W3C format IRI, the union default graph, and the
 * default dataset with the named graphs the store holds now.
 */
@ApplicationScoped
public class ServiceDescription {

    private static final String SD = Vocab.SD;
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    private final Uris uris;
    private final RdfStore store;
    private final String endpoint;

    public ServiceDescription(Uris uris, PortalUris portal, RdfStore store) {
        this.uris = uris;
        this.store = store;
        this.endpoint = portal.resolve("sparql");
    }

    /** The URL queries are sent to. */
    public String endpoint() {
        return endpoint;
    }

    public Graph graph() {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("formats", FORMATS).setNsPrefix("void", Vocab.VOID)
                .setNsPrefix("rdfs", Vocab.RDFS);
        Node service = uris.sparqlService();
        add(g, service, Vocab.TYPE, sd("Service"));
        add(g, service, Vocab.LABEL, NodeFactory.createLiteralLang("浙江省数字经济开放数据门户 SPARQL 查询服务", "zh"));
        add(g, service, Vocab.LABEL, NodeFactory.createLiteralLang("Zhejiang Digital Economy Open Data Portal SPARQL endpoint", "en"));
        add(g, service, sd("endpoint"), NodeFactory.createURI(endpoint));
        add(g, service, sd("supportedLanguage"), sd("SPARQL11Query"));
        add(g, service, sd("feature"), sd("UnionDefaultGraph"));
        add(g, service, sd("defaultEntailmentRegime"), NodeFactory.createURI("http://www.w3.org/ns/entailment/Simple"));
        for (SparqlFormat format : SparqlFormat.values()) {
            format.w3cFormatIri().ifPresent(iri -> add(g, service, sd("resultFormat"), NodeFactory.createURI(iri)));
        }
        Node dataset = uris.voidDataset();
        add(g, service, sd("defaultDataset"), dataset);
        add(g, dataset, Vocab.TYPE, sd("Dataset"));
        Node defaultGraph = NodeFactory.createBlankNode();
        add(g, dataset, sd("defaultGraph"), defaultGraph);
        add(g, defaultGraph, Vocab.TYPE, sd("Graph"));
        add(g, defaultGraph, Vocab.LABEL, NodeFactory.createLiteralLang("所有命名图的并集", "zh"));
        add(g, defaultGraph, Vocab.LABEL, NodeFactory.createLiteralLang("The union of all named graphs", "en"));
        for (Node name : graphNames()) {
            Node named = NodeFactory.createBlankNode();
            add(g, dataset, sd("namedGraph"), named);
            add(g, named, Vocab.TYPE, sd("NamedGraph"));
            add(g, named, sd("name"), name);
        }
        return g;
    }

    /** The description in an RDF format. */
    public byte[] write(SparqlFormat format) {
        RDFFormat rdfFormat = switch (format) {
            case TURTLE -> RDFFormat.TURTLE_PRETTY;
            case JSONLD -> RDFFormat.JSONLD11;
            case NTRIPLES -> RDFFormat.NTRIPLES;
            case RDFXML -> RDFFormat.RDFXML_PRETTY;
            default -> throw new IllegalArgumentException("Not an RDF format: " + format);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(graph()).format(rdfFormat).output(out);
        return out.toByteArray();
    }

    private List<Node> graphNames() {
        return store.read(dsg -> {
            List<Node> names = new ArrayList<>();
            Iterator<Node> it = dsg.listGraphNodes();
            it.forEachRemaining(n -> {
                if (n.isURI()) {
                    names.add(n);
                }
            });
            names.sort((a, b) -> a.getURI().compareTo(b.getURI()));
            return names;
        });
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
