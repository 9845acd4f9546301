package cn.zjdata.portal.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands an answer from the thread that runs the query (and holds its read transaction) to the thread
 * that writes the HTTP response, in constant memory. The first {@code chunkSize} bytes are held back:
 * an answer that fits is handed over whole ({@link Head.Complete}, sent with a Content-Length); a
 * failure before that is handed over as a failure, so it can still become an error status. Past that
 * the answer streams in chunks through a small bounded queue ({@link Head.Streaming}); a reader that
 * stops taking them for {@code stall} makes the writer give up, so a query never outlives its client.
 * Up to {@code keepLimit} bytes are also kept whole, so a complete answer can be cached.
 */
final class ResultPipe {

    /** What the response thread learns before it sends a status. */
    sealed interface Head {
        record Complete(byte[] body) implements Head {
        }

        record Streaming() implements Head {
        }

        record Failed(Throwable failure) implements Head {
        }
    }

    private static final Object END = new Object();
    private static final int QUEUED_CHUNKS = 8;

    private final int chunkSize;
    private final long keepLimit;
    private final Duration stall;
    private final CompletableFuture<Head> head = new CompletableFuture<>();
    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final Sink sink = new Sink();
    private volatile boolean cancelled;

    ResultPipe(int chunkSize, long keepLimit, Duration stall) {
        this.chunkSize = chunkSize;
        this.keepLimit = keepLimit;
        this.stall = stall;
    }

    // --- the query's side -----------------------------------------------------------------------

    /** Where the answer is written. Closing it does nothing; {@link #complete()} ends the answer. */
    OutputStream output() {
        return sink;
    }

    /** The whole answer has been written. */
    void complete() throws IOException {
        if (!head.isDone()) {
            head.complete(new Head.Complete(sink.pending.toByteArray()));
            return;
        }
        sink.handOver();
        enqueue(END);
    }

    /** The query failed: before the head this becomes the response; after, the response is cut off. */
    void fail(Throwable failure) {
        if (head.complete(new Head.Failed(failure))) {
            return;
        }
        if (!cancelled) {
            chunks.clear();
            chunks.offer(failure);
        }
    }

    /** The whole answer when it was no larger than the keep limit, or null. */
    byte[] kept() {
        return sink.kept == null ? null : sink.kept.toByteArray();
    }

    // --- the response's side --------------------------------------------------------------------

    /** Waits for the head of the answer; a wait that runs out counts as a cancellation. */
    Head awaitHead(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return head.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel();
            throw e;
        } catch (ExecutionException e) {
            return new Head.Failed(e.getCause());
        }
    }

    /** Copies the streamed answer to the client. Throws when the query failed on the way. */
    void drainTo(OutputStream out) throws IOException {
        try {
            while (true) {
                Object chunk = chunks.poll(stall.toMillis(), TimeUnit.MILLISECONDS);
                if (chunk == null) {
                    throw new IOException("The query stopped producing its answer");
                }
                if (chunk == END) {
                    return;
                }
                if (chunk instanceof Throwable failure) {
                    throw new IOException("The query failed while its answer was being sent", failure);
                }
                out.write((byte[]) chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        } catch (IOException | RuntimeException e) {
            cancel();
            throw e;
        }
    }

    /** Nobody will read the answer: the query stops at its next write. */
    void cancel() {
        cancelled = true;
        chunks.clear();
    }

    private void enqueue(Object chunk) throws IOException {
        try {
            if (cancelled || !chunks.offer(chunk, stall.toMillis(), TimeUnit.MILLISECONDS) || cancelled) {
                cancel();
                throw new ClientGone();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    /** The reader went away, or stopped reading: the query is abandoned. */
    static final class ClientGone extends IOException {
        ClientGone() {
            super("Nobody is reading the answer");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final class Sink extends OutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private ByteArrayOutputStream kept = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (cancelled) {
                throw new ClientGone();
            }
            pending.write(b, off, len);
            if (kept != null) {
                if (kept.size() + len > keepLimit) {
                    kept = null;
                } else {
                    kept.write(b, off, len);
                }
            }
            if (pending.size() >= chunkSize) {
                head.complete(new Head.Streaming());
                handOver();
            }
        }

        void handOver() throws IOException {
            if (pending.size() > 0) {
                byte[] chunk = pending.toByteArray();
                pending.reset();
                enqueue(chunk);
            }
        }

        @Override
        public void close() {
            // The answer ends with complete() or fail().
        }
    }
}
