package cn.zjdata.portal.sparql;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.OutputStream;
import java.util.Iterator;

/**
 * Writes the answer of a running query in the chosen format. It first makes the query produce its first
 * result (for an aggregate or ORDER BY, that is all the work) so a timeout happens before any byte is
 * written. SELECT rows and Turtle / N-Triples triples stream in constant memory; JSON-LD and RDF/XML are
 * written from a graph in memory, bounded by the triple limit like every graph answer.
 */
final class AnswerWriter {

    private AnswerWriter() {
    }

    /**
     * @param dataset the dataset the query runs over (its default graph is described by DESCRIBE)
     */
    static void write(PreparedQuery prepared, SparqlFormat format, QueryExec exec, DatasetGraph dataset,
                      OutputStream out) {
        Query query = prepared.query();
        if (query.isSelectType()) {
            RowSet rows = exec.select();
            rows.hasNext();
            resultsWriter(format).write(out, rows, exec.getContext());
        } else if (query.isAskType()) {
            boolean answer = exec.ask();
            resultsWriter(format).write(out, answer, exec.getContext());
        } else if (query.isConstructType()) {
            writeTriples(new Limited(exec.constructTriples(), prepared.resultLimit()), query.getPrefixMapping(), format, out);
        } else {
            DescribeTriples triples = describe(prepared, exec, dataset);
            try {
                writeTriples(triples, query.getPrefixMapping(), format, out);
            } finally {
                triples.close();
            }
        }
    }

    private static RowSetWriter resultsWriter(SparqlFormat format) {
        return RowSetWriterRegistry.getFactory(format.lang).create(format.lang);
    }

    private static DescribeTriples describe(PreparedQuery prepared, QueryExec exec, DatasetGraph dataset) {
        Query query = prepared.query();
        RowSet rows = exec.select();
        Graph graph = prepared.dataset() == null ? dataset.getUnionGraph() : dataset.getDefaultGraph();
        return new DescribeTriples(graph, query.getResultURIs(), rows, prepared.resultLimit());
    }

    private static void writeTriples(Iterator<Triple> triples, PrefixMapping prefixes, SparqlFormat format,
                                     OutputStream out) {
        triples.hasNext();
        switch (format) {
            case TURTLE -> stream(triples, prefixes, RDFFormat.TURTLE_BLOCKS, out);
            case NTRIPLES -> stream(triples, null, RDFFormat.NTRIPLES, out);
            case JSONLD -> inMemory(triples, prefixes, RDFFormat.JSONLD11, out);
            case RDFXML -> inMemory(triples, prefixes, RDFFormat.RDFXML_PLAIN, out);
            default -> throw new IllegalArgumentException("Not a graph format: " + format);
        }
    }

    private static void stream(Iterator<Triple> triples, PrefixMapping prefixes, RDFFormat rdfFormat, OutputStream out) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, rdfFormat);
        stream.start();
        if (prefixes != null) {
            prefixes.getNsPrefixMap().forEach(stream::prefix);
        }
        triples.forEachRemaining(stream::triple);
        stream.finish();
    }

    private static void inMemory(Iterator<Triple> triples, PrefixMapping prefixes, RDFFormat rdfFormat, OutputStream out) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(prefixes);
        triples.forEachRemaining(graph::add);
        RDFWriter.source(graph).format(rdfFormat).output(out);
    }

    /** The first {@code limit} triples of a CONSTRUCT. */
    private record Limited(Iterator<Triple> triples, long limit, long[] taken) implements Iterator<Triple> {

        Limited(Iterator<Triple> triples, long limit) {
            this(triples, limit, new long[1]);
        }

        @Override
        public boolean hasNext() {
            return taken[0] < limit && triples.hasNext();
        }

        @Override
        public Triple next() {
            taken[0]++;
            return triples.next();
        }
    }
}
