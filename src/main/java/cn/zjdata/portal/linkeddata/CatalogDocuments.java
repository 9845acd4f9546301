package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.PortalUris;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static cn.zjdata.portal.linkeddata.Vocab.dcat;
import static cn.zjdata.portal.linkeddata.Vocab.dct;
import static cn.zjdata.portal.linkeddata.Vocab.iri;
import static cn.zjdata.portal.linkeddata.Vocab.voidTerm;

/**
 * The DCAT catalog as documents, paged (a Hydra partial-collection view links the pages), and the VoID
 * description of everything the store holds. The VoID counts are kept per store generation.
 */
@ApplicationScoped
public class CatalogDocuments {

    public static final int PAGE_SIZE = 50;

    private final RdfStore store;
    private final Describer describer;
    private final Uris uris;
    private final PortalUris portal;
    private volatile CachedVoid cachedVoid;

    private record CachedVoid(long generation, Graph graph) {
    }

    public CatalogDocuments(RdfStore store, Describer describer, Uris uris, PortalUris portal) {
        this.store = store;
        this.describer = describer;
        this.uris = uris;
        this.portal = portal;
    }

    /** Page n (from 1) of the catalog: its own description, n's datasets with their distributions, and the view. */
    public Graph catalogPage(int page) {
        return store.read(dataset -> {
            Node catalog = uris.catalog();
            Graph graph = describer.prefixed();
            List<Node> all = new ArrayList<>();
            dataset.find(uris.catalogGraph(), catalog, dcat("dataset"), Node.ANY).forEachRemaining(q -> all.add(q.getObject()));
            all.sort((a, b) -> a.getURI().compareTo(b.getURI()));
            Graph own = describer.describe(dataset, catalog, false);
            own.find(catalog, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (!t.getPredicate().equals(dcat("dataset"))) {
                    graph.add(t);
                }
            });
            int from = Math.min((page - 1) * PAGE_SIZE, all.size());
            for (Node d : all.subList(from, Math.min(from + PAGE_SIZE, all.size()))) {
                graph.add(Triple.create(catalog, dcat("dataset"), d));
                describer.describe(dataset, d, false).find().forEachRemaining(graph::add);
                dataset.find(uris.catalogGraph(), d, dcat("distribution"), Node.ANY).forEachRemaining(q ->
                        describer.describe(dataset, q.getObject(), false).find().forEachRemaining(graph::add));
            }
            view(graph, catalog, page, Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE), all.size());
            return graph;
        });
    }

    public int pages() {
        return store.read(dataset -> {
            int count = 0;
            Iterator<?> it = dataset.find(uris.catalogGraph(), uris.catalog(), dcat("dataset"), Node.ANY);
            while (it.hasNext()) {
                it.next();
                count++;
            }
            return Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        });
    }

    private void view(Graph graph, Node catalog, int page, int pages, int total) {
        Node view = NodeFactory.createURI(portal.resolve("catalog?page=" + page));
        Emit out = new Emit(graph::add);
        out.add(catalog, iri(Vocab.HYDRA, "view"), view);
        out.type(view, iri(Vocab.HYDRA, "PartialCollectionView"));
        out.typed(catalog, iri(Vocab.HYDRA, "totalItems"), String.valueOf(total), XSDDatatype.XSDnonNegativeInteger);
        out.add(view, iri(Vocab.HYDRA, "first"), NodeFactory.createURI(portal.resolve("catalog?page=1")));
        out.add(view, iri(Vocab.HYDRA, "last"), NodeFactory.createURI(portal.resolve("catalog?page=" + pages)));
        if (page > 1) {
            out.add(view, iri(Vocab.HYDRA, "previous"), NodeFactory.createURI(portal.resolve("catalog?page=" + (page - 1))));
        }
        if (page < pages) {
            out.add(view, iri(Vocab.HYDRA, "next"), NodeFactory.createURI(portal.resolve("catalog?page=" + (page + 1))));
        }
    }

    /** The VoID description of the store. */
    public Graph voidDescription() {
        CachedVoid cached = cachedVoid;
        long generation = store.generation();
        if (cached != null && cached.generation() == generation) {
            return cached.graph();
        }
        Graph graph = store.read(this::buildVoid);
        cachedVoid = new CachedVoid(generation, graph);
        return graph;
    }

    private Graph buildVoid(DatasetGraph dataset) {
        Graph graph = describer.prefixed();
        Emit out = new Emit(graph::add);
        Node root = uris.voidDataset();
        out.type(root, voidTerm("Dataset"));
        out.texts(root, dct("title"), LocalizedText.of("浙江省数字经济开放数据（关联数据）", "Zhejiang digital economy open data (linked data)"));
        out.add(root, voidTerm("sparqlEndpoint"), NodeFactory.createURI(portal.resolve("sparql")));
        out.add(root, voidTerm("dataDump"), NodeFactory.createURI(portal.resolve("dumps/" + Dumps.ALL)));
        out.add(root, voidTerm("rootResource"), uris.catalog());
        out.string(root, voidTerm("uriSpace"), uris.idBase());
        for (String vocabulary : List.of(Vocab.DCAT, Vocab.DCT, Vocab.QB, Vocab.SKOS, Vocab.ORG, Vocab.PROV, Vocab.DQV,
                Vocab.CSVW, uris.zjdeNamespace())) {
            out.add(root, voidTerm("vocabulary"), NodeFactory.createURI(vocabulary));
        }
        out.add(root, dct("license"), NodeFactory.createURI("https://creativecommons.org/licenses/by/4.0/"));
        long total = 0;
        List<Node> graphs = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(graphs::add);
        graphs.sort((a, b) -> a.toString().compareTo(b.toString()));
        for (Node name : graphs) {
            long size = dataset.getGraph(name).size();
            total += size;
            Node subset = out.blank();
            out.add(root, voidTerm("subset"), subset);
            out.type(subset, voidTerm("Dataset"));
            out.add(subset, iri(Vocab.SD, "name"), name);
            out.typed(subset, voidTerm("triples"), String.valueOf(size), XSDDatatype.XSDinteger);
        }
        out.typed(root, voidTerm("triples"), String.valueOf(total), XSDDatatype.XSDinteger);
        return graph;
    }
}
