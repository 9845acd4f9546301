package cn.zjdata.portal.publishing;

import org.jboss.logging.Logger;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The background thread of one projection of the outbox (the RDF store, the search index): after a change
 * commits, the projection catches up here, one run at a time, off the request thread. A failed run is
 * logged and left to the next change or start, which apply whatever the projection's cursor has not seen;
 * so is a change that commits while the portal shuts down.
 */
public final class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final String name;
    private final ExecutorService executor;

    public OutboxWorker(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code catchUp} in the background for the change to {@code slug}. */
    public void submit(String slug, Runnable catchUp) {
        try {
            executor.submit(() -> {
                try {
                    catchUp.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s: applying the change to %s failed; it is retried at the next change or start", name, slug);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debugf("%s: shutting down, the change to %s is applied at the next start", name, slug);
        }
    }

    /** Waits until the work submitted so far has run (tests use it to avoid racing the worker). */
    public void awaitIdle() {
        try {
            executor.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the run in progress finish (its store must not be closed under it), then stops. */
    public void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warnf("%s: still running at shutdown; the next start completes it", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
