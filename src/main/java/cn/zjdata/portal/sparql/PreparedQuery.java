package cn.zjdata.portal.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetDescription;

import java.util.List;

/**
 * A query that passed every check and is ready to run: parsed, its FROM clauses moved into the dataset
 * (the protocol's graphs take precedence over them), and its limits applied.
 *
 * @param query         the query to execute, with no FROM clauses and, for SELECT, the effective LIMIT
 * @param dataset       the graphs the query runs over, or null for the whole store with the union of
 *                      all named graphs as the default graph
 * @param resultLimit   SELECT rows, or CONSTRUCT/DESCRIBE triples, sent at most (0 for ASK)
 * @param deterministic whether running it again on the same data gives the same bytes (no NOW(),
 *                      RAND(), UUID(), BNODE() and no blank nodes in a CONSTRUCT template), so its
 *                      answer may be cached and given a strong entity tag
 * @param normalised    the query as Jena writes it: equal for queries that differ only in layout
 */
public record PreparedQuery(Query query, DatasetDescription dataset, long resultLimit, boolean deterministic,
                            String normalised) {

    public boolean isSelect() {
        return query.isSelectType();
    }

    public boolean isAsk() {
        return query.isAskType();
    }

    public boolean isDescribe() {
        return query.isDescribeType();
    }

    /** The formats this query's answer is offered in. */
    public List<SparqlFormat> offers() {
        return query.isSelectType() || query.isAskType() ? SparqlFormat.results() : SparqlFormat.graphs();
    }

    /** The dataset as text, for cache keys: "union" or the sorted graph lists. */
    public String datasetKey() {
        if (dataset == null) {
            return "union";
        }
        return "default=" + dataset.getDefaultGraphURIs().stream().sorted().distinct().toList()
                + " named=" + dataset.getNamedGraphURIs().stream().sorted().distinct().toList();
    }
}
