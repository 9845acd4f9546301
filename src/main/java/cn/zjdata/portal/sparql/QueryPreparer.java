package cn.zjdata.portal.sparql;

import cn.zjdata.portal.common.PortalUris;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.update.UpdateFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Turns a protocol request into a {@link PreparedQuery}, or refuses it: a syntax error is a 400 with the
 * parser's message, an update is a 403 (it is recognised, never run), a federated query (SERVICE) is a
 * 400. Relative IRIs in a query resolve against the endpoint's URL. Prepared queries are remembered by
 * their text and protocol dataset, so a repeated query is not parsed again (parsing costs more than
 * answering it from the {@link AnswerCache}); callers must not change the query they get.
 */
@ApplicationScoped
public class QueryPreparer {

    /** Functions whose value changes from one execution to the next. */
    private static final Pattern VOLATILE = Pattern.compile("\\b(now|rand|uuid|struuid|bnode)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    /** Characters of query text remembered, all prepared queries together. */
    private static final long REMEMBERED_TEXT = 4 * 1024 * 1024;

    private final String base;
    private final SparqlConfig config;
    private final Cache<String, PreparedQuery> prepared = Caffeine.newBuilder()
            .maximumWeight(REMEMBERED_TEXT)
            .<String, PreparedQuery>weigher((text, query) -> text.length() + query.normalised().length())
            .build();

    public QueryPreparer(PortalUris uris, SparqlConfig config) {
        this.base = uris.resolve("sparql");
        this.config = config;
    }

    public PreparedQuery prepare(ProtocolRequest request) {
        String key = request.defaultGraphs() + "\n" + request.namedGraphs() + "\n" + request.query();
        PreparedQuery known = prepared.getIfPresent(key);
        if (known != null) {
            return known;
        }
        try {
            PreparedQuery fresh = prepareAnew(request);
            prepared.put(key, fresh);
            return fresh;
        } catch (StackOverflowError e) {
            throw SparqlProblems.tooComplex();
        }
    }

    private PreparedQuery prepareAnew(ProtocolRequest request) {
        Query query = parse(request.query());
        if (query.isJsonType()) {
            throw SparqlProblems.notSupported("JSON queries (a Jena extension) are not supported; use SELECT");
        }
        refuseService(query);
        DatasetDescription dataset = request.describesDataset()
                ? new DatasetDescription(request.defaultGraphs(), request.namedGraphs())
                : query.getDatasetDescription();
        Query runnable = query.cloneQuery();
        if (runnable.getGraphURIs() != null) {
            runnable.getGraphURIs().clear();
        }
        if (runnable.getNamedGraphURIs() != null) {
            runnable.getNamedGraphURIs().clear();
        }
        long limit = 0;
        if (runnable.isSelectType()) {
            limit = runnable.hasLimit() ? Math.min(runnable.getLimit(), config.maxRows()) : config.maxRows();
            runnable.setLimit(limit);
        } else if (runnable.isConstructType() || runnable.isDescribeType()) {
            limit = config.maxTriples();
        }
        runnable.getResultVars(); // resolves SELECT * and DESCRIBE * now: a shared query is only read later
        String normalised = runnable.serialize();
        return new PreparedQuery(runnable, dataset, limit, isDeterministic(runnable, normalised), normalised);
    }

    /** Parses a query; what does not parse as one but does as an update is refused as an update. */
    private Query parse(String text) {
        try {
            return QueryFactory.create(text, base, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            if (isUpdate(text)) {
                throw SparqlProblems.readOnly();
            }
            throw SparqlProblems.syntax(e);
        } catch (QueryException e) {
            throw SparqlProblems.syntax(new QueryParseException(e.getMessage(), -1, -1));
        }
    }

    private boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text, base, Syntax.syntaxARQ);
            return true;
        } catch (QueryException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuseService(Query query) {
        Op op = Algebra.compile(query);
        AtomicBoolean service = new AtomicBoolean();
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService opService) {
                service.set(true);
            }
        });
        if (service.get()) {
            throw SparqlProblems.notSupported("Federated queries (SERVICE) are not run by this endpoint");
        }
    }

    private static boolean isDeterministic(Query query, String normalised) {
        if (VOLATILE.matcher(normalised).find()) {
            return false;
        }
        if (query.isConstructType()) {
            List<Node> nodes = new ArrayList<>();
            query.getConstructTemplate().getTriples().forEach(t -> {
                nodes.add(t.getSubject());
                nodes.add(t.getObject());
            });
            return nodes.stream().noneMatch(Node::isBlank);
        }
        return true;
    }
}
