package cn.zjdata.portal.sparql;

import cn.zjdata.portal.common.Preconditions;
import cn.zjdata.portal.linkeddata.RdfStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The rules of the SPARQL endpoint, in the order Fuseki applies them: the request is validated
 * (parameters, content type, syntax, format) and only then executed, in a read transaction, within
 * {@code min(server timeout, client timeout)} and the row and triple limits. Answers of deterministic
 * queries are served from the {@link AnswerCache} while the store is unchanged, with a strong entity tag
 * and 304s.
 */
@ApplicationScoped
public class SparqlService {

    private static final Logger LOG = Logger.getLogger(SparqlService.class);
    /** How much longer than the query's timeout the response waits for the query's thread. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final QueryPreparer preparer;
    private final QueryRunner runner;
    private final AnswerCache cache;
    private final ServiceDescription description;
    private final RdfStore store;
    private final SparqlConfig config;

    public SparqlService(QueryPreparer preparer, QueryRunner runner, AnswerCache cache,
                         ServiceDescription description, RdfStore store, SparqlConfig config) {
        this.preparer = preparer;
        this.runner = runner;
        this.cache = cache;
        this.description = description;
        this.store = store;
        this.config = config;
    }

    /**
     * Answers a query.
     *
     * @param accept      the Accept header
     * @param ifNoneMatch the If-None-Match header
     * @param headOnly    whether only the headers will be sent (HEAD)
     */
    public SparqlAnswer query(ProtocolRequest request, String accept, String ifNoneMatch, boolean headOnly) {
        PreparedQuery prepared = preparer.prepare(request);
        SparqlFormat format = negotiate(request.format(), accept, prepared.offers());
        Duration timeout = request.clientTimeout().filter(t -> t.compareTo(config.timeout()) < 0).orElse(config.timeout());
        Map<String, String> headers = prepared.isAsk() ? Map.of()
                : Map.of(SparqlAnswer.RESULT_LIMIT, String.valueOf(prepared.resultLimit()));

        AnswerCache.Key key = prepared.deterministic()
                ? new AnswerCache.Key(store.generation(), prepared.normalised(), prepared.datasetKey(), format) : null;
        String etag = key == null ? null : key.etag();
        if (etag != null && ifNoneMatch != null && Preconditions.matches(ifNoneMatch, etag, false)) {
            return SparqlAnswer.unchanged(format, etag, headers);
        }
        if (key != null) {
            Optional<byte[]> cached = cache.get(key);
            if (cached.isPresent()) {
                return SparqlAnswer.whole(format, etag, cached.get(), headers);
            }
        }
        ResultPipe pipe = runner.start(prepared, format, timeout, body -> {
            if (key != null) {
                cache.put(key, body, store.generation());
            }
        });
        ResultPipe.Head head;
        try {
            head = pipe.awaitHead(timeout.plus(GRACE));
        } catch (TimeoutException e) {
            throw SparqlProblems.timeout(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pipe.cancel();
            throw SparqlProblems.timeout(timeout);
        }
        return switch (head) {
            case ResultPipe.Head.Complete complete -> SparqlAnswer.whole(format, etag, complete.body(), headers);
            case ResultPipe.Head.Failed failed -> throw SparqlProblems.executionFailed(failed.failure(), timeout);
            case ResultPipe.Head.Streaming streaming -> {
                if (headOnly) {
                    pipe.cancel();
                    yield SparqlAnswer.streamed(format, etag, null, headers);
                }
                yield SparqlAnswer.streamed(format, etag, out -> {
                    try {
                        pipe.drainTo(out);
                    } catch (IOException e) {
                        LOG.debugf("A streamed SPARQL answer was cut off: %s", e.getMessage());
                        throw e;
                    }
                }, headers);
            }
        };
    }

    /** The format of a GET without a query: the service description's, or HTML for the query page. */
    public SparqlFormat serviceDescriptionFormat(ProtocolRequest request, String accept) {
        return negotiate(request.format(), accept, SparqlFormat.serviceDescription());
    }

    /** The service description in an RDF format, cached like an answer until the store changes. */
    public SparqlAnswer serviceDescription(SparqlFormat format, String ifNoneMatch) {
        AnswerCache.Key key = new AnswerCache.Key(store.generation(), "service-description", "", format);
        String etag = key.etag();
        if (ifNoneMatch != null && Preconditions.matches(ifNoneMatch, etag, false)) {
            return SparqlAnswer.unchanged(format, etag, Map.of());
        }
        byte[] body = cache.get(key).orElseGet(() -> {
            byte[] written = description.write(format);
            cache.put(key, written, key.generation());
            return written;
        });
        return SparqlAnswer.whole(format, etag, body, Map.of());
    }

    /**
     * The format an answer is sent in: the {@code format} parameter (a token such as "json", or a media
     * type) when given, else content negotiation on Accept; 406 when nothing offered fits.
     */
    static SparqlFormat negotiate(Optional<String> parameter, String accept, List<SparqlFormat> offers) {
        if (parameter.isPresent()) {
            String asked = parameter.get().toLowerCase(Locale.ROOT);
            return offers.stream()
                    .filter(f -> f.token.equals(asked) || f.mediaType.equals(asked) || f.aliases.contains(asked))
                    .findFirst()
                    .orElseThrow(() -> SparqlProblems.notAcceptable(offers));
        }
        return AcceptHeader.parse(accept).choose(offers).orElseThrow(() -> SparqlProblems.notAcceptable(offers));
    }
}
