package cn.zjdata.portal.sparql;

import cn.zjdata.portal.linkeddata.RdfStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.tdb2.TDB2;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs queries, each on a thread of its own pool that begins the read transaction, executes, writes the
 * answer into a {@link ResultPipe} and ends the transaction, all in one place: a TDB2 transaction
 * belongs to the thread that began it, and an HTTP response body is written after the resource method
 * has returned, so neither the request's thread nor the response writer could hold it safely. At most
 * {@code max-concurrent} queries run at once; a request waits for a slot no longer than its timeout.
 */
@ApplicationScoped
public class QueryRunner {

    private static final Logger LOG = Logger.getLogger(QueryRunner.class);

    /** Bytes held back before an answer starts streaming (answers this small get a Content-Length). */
    static final int CHUNK_SIZE = 64 * 1024;
    /** How long a query waits for a client that has stopped reading its answer. */
    static final Duration CLIENT_STALL = Duration.ofSeconds(60);
    /** Bindings a sort or DISTINCT inside a query holds in memory before it spills to a temporary file. */
    static final long SPILL_THRESHOLD = 100_000;

    private final RdfStore store;
    private final long keepLimit;
    private final int maxConcurrent;
    private final Semaphore slots;
    private final ExecutorService threads;

    public QueryRunner(RdfStore store, SparqlConfig config) {
        this.store = store;
        this.keepLimit = config.cacheEntrySize().asLongValue();
        this.maxConcurrent = config.maxConcurrent();
        this.slots = new Semaphore(maxConcurrent, true);
        this.threads = Executors.newCachedThreadPool(Thread.ofPlatform().name("sparql-", 1).daemon(true).factory());
    }

    /**
     * Starts a query and returns at once with the pipe its answer comes through.
     *
     * @param whenComplete given the whole answer when it finished and was no larger than the cache's
     *                     entry limit, on the query's thread, before the last bytes are handed over
     */
    ResultPipe start(PreparedQuery prepared, SparqlFormat format, Duration timeout, Consumer<byte[]> whenComplete) {
        try {
            if (!slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw SparqlProblems.busy(timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SparqlProblems.busy(timeout);
        }
        ResultPipe pipe = new ResultPipe(CHUNK_SIZE, keepLimit, CLIENT_STALL);
        try {
            threads.execute(() -> run(prepared, format, timeout, pipe, whenComplete));
        } catch (RejectedExecutionException e) {
            slots.release();
            throw SparqlProblems.busy(timeout);
        }
        return pipe;
    }

    /** Queries executing now. */
    int running() {
        return maxConcurrent - slots.availablePermits();
    }

    private void run(PreparedQuery prepared, SparqlFormat format, Duration timeout, ResultPipe pipe,
                     Consumer<byte[]> whenComplete) {
        Throwable failure = null;
        try {
            execute(prepared, format, timeout, pipe);
        } catch (Throwable t) {
            failure = t;
        } finally {
            slots.release();
        }
        if (failure != null) {
            finish(pipe, failure);
            return;
        }
        try {
            byte[] kept = pipe.kept();
            if (kept != null) {
                whenComplete.accept(kept);
            }
            pipe.complete();
        } catch (Throwable t) {
            finish(pipe, t);
        }
    }

    /** Runs the query in a read transaction, writing its answer into the pipe. */
    private void execute(PreparedQuery prepared, SparqlFormat format, Duration timeout, ResultPipe pipe) {
        DatasetGraph store = this.store.dataset();
        store.begin(TxnType.READ);
        try {
            DatasetGraph dataset = prepared.dataset() == null ? store
                    : DynamicDatasets.dynamicDataset(prepared.dataset(), store, false);
            // A copy: executing a query changes it, and prepared queries are shared.
            Query query = prepared.isDescribe() ? DescribeTriples.selectFor(prepared.query()) : prepared.query().cloneQuery();
            try (QueryExec exec = QueryExec.dataset(dataset).query(query)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .set(TDB2.symUnionDefaultGraph, prepared.dataset() == null)
                    .set(ARQ.httpServiceAllowed, false)
                    .set(ARQ.spillToDiskThreshold, SPILL_THRESHOLD)
                    .build()) {
                AnswerWriter.write(prepared, format, exec, dataset, pipe.output());
            }
        } finally {
            store.end();
        }
    }

    private static void finish(ResultPipe pipe, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ResultPipe.ClientGone) {
                LOG.debugf("Nobody is reading the answer any more; query abandoned");
                return;
            }
        }
        pipe.fail(failure);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
