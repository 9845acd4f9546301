package cn.zjdata.portal.sparql;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.util.iterator.ExtendedIterator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The answer to a DESCRIBE, streamed: for each resource named in the query or bound by its pattern, the
 * triples of the default graph with that resource as subject, followed through blank-node objects (the
 * blank-node closure Jena's own DESCRIBE computes, but without building the whole answer in memory).
 * It stops after {@code limit} triples; what it remembers (resources described, blank nodes followed)
 * is bounded by the same number.
 */
final class DescribeTriples implements Iterator<Triple> {

    private final Graph graph;
    private final Iterator<Node> named;
    private final RowSet rows;
    private final long limit;
    private final Set<Node> described = new HashSet<>();
    private final Deque<Node> resources = new ArrayDeque<>();
    private ExtendedIterator<Triple> current;
    private Triple next;
    private long produced;

    /**
     * The query that finds what a DESCRIBE describes: SELECT DISTINCT of its variables over its pattern,
     * with its modifiers; when it names no variable, a query with one empty solution.
     */
    static Query selectFor(Query describe) {
        Query select = describe.cloneQuery();
        select.setQuerySelectType();
        if (describe.isQueryResultStar() || !describe.getResultVars().isEmpty()) {
            select.setDistinct(true);
            if (select.getQueryPattern() == null) {
                select.setQueryPattern(new ElementGroup());
            }
        } else {
            select.setQueryPattern(new ElementGroup());
            select.setQueryResultStar(true);
        }
        return select;
    }

    /**
     * @param graph the default graph of the query's dataset
     * @param named the IRIs named in the DESCRIBE
     * @param rows  the solutions of {@link #selectFor(Query)}
     */
    DescribeTriples(Graph graph, List<Node> named, RowSet rows, long limit) {
        this.graph = graph;
        this.named = named.iterator();
        this.rows = rows;
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        while (next == null && produced < limit) {
            if (current != null && current.hasNext()) {
                Triple t = current.next();
                if (t.getObject().isBlank()) {
                    enqueue(t.getObject());
                }
                next = t;
            } else {
                closeCurrent();
                Node resource = nextResource();
                if (resource == null) {
                    return false;
                }
                current = graph.find(resource, Node.ANY, Node.ANY);
            }
        }
        return next != null;
    }

    @Override
    public Triple next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Triple t = next;
        next = null;
        produced++;
        return t;
    }

    /** The next resource to describe: a blank node being followed, then the named ones, then the bound ones. */
    private Node nextResource() {
        while (true) {
            if (!resources.isEmpty()) {
                return resources.poll();
            }
            if (named.hasNext()) {
                enqueue(named.next());
            } else if (rows.hasNext()) {
                Binding row = rows.next();
                for (Var v : rows.getResultVars()) {
                    Node value = row.get(v);
                    if (value != null) {
                        enqueue(value);
                    }
                }
            } else {
                return null;
            }
        }
    }

    private void enqueue(Node node) {
        if ((node.isURI() || node.isBlank()) && described.size() < limit && described.add(node)) {
            resources.add(node);
        }
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    void close() {
        closeCurrent();
        rows.close();
    }
}
