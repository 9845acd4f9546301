package cn.zjdata.portal.sparql;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparqlResultPipeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aSmallAnswerIsHandedOverWhole() throws Exception {
        ResultPipe pipe = new ResultPipe(16, 100, WAIT);
        pipe.output().write("small".getBytes());
        pipe.complete();
        ResultPipe.Head head = pipe.awaitHead(WAIT);
        assertArrayEquals("small".getBytes(), assertInstanceOf(ResultPipe.Head.Complete.class, head).body());
        assertArrayEquals("small".getBytes(), pipe.kept());
    }

    @Test
    void aFailureBeforeTheHeadIsHandedOverAsAFailure() throws Exception {
        ResultPipe pipe = new ResultPipe(16, 100, WAIT);
        pipe.output().write("partial".getBytes());
        IllegalStateException failure = new IllegalStateException("timed out");
        pipe.fail(failure);
        assertEquals(failure, assertInstanceOf(ResultPipe.Head.Failed.class, pipe.awaitHead(WAIT)).failure());
    }

    @Test
    void aLargeAnswerStreamsInOrderAndIsKeptOnlyWhenSmallEnough() throws Exception {
        byte[] answer = new byte[1000];
        Arrays.fill(answer, (byte) 'a');
        answer[999] = 'z';
        ResultPipe pipe = new ResultPipe(64, 2000, WAIT);
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < answer.length; i += 10) {
                    pipe.output().write(answer, i, 10);
                }
                pipe.complete();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertInstanceOf(ResultPipe.Head.Streaming.class, pipe.awaitHead(WAIT));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        pipe.drainTo(received);
        producer.join();
        assertArrayEquals(answer, received.toByteArray());
        assertArrayEquals(answer, pipe.kept());

        ResultPipe small = new ResultPipe(64, 500, WAIT);
        small.output().write(answer);
        assertNull(small.kept(), "larger than the keep limit");
    }

    @Test
    void aFailureWhileStreamingCutsTheAnswerOff() throws Exception {
        ResultPipe pipe = new ResultPipe(8, 100, WAIT);
        pipe.output().write("more than eight bytes".getBytes());
        assertInstanceOf(ResultPipe.Head.Streaming.class, pipe.awaitHead(WAIT));
        pipe.fail(new IllegalStateException("timed out"));
        IOException e = assertThrows(IOException.class, () -> pipe.drainTo(OutputStream.nullOutputStream()));
        assertTrue(e.getMessage().contains("failed"), e.getMessage());
    }

    @Test
    void whenNobodyReadsTheQueryStopsAtItsNextWrite() throws Exception {
        ResultPipe pipe = new ResultPipe(8, 100, WAIT);
        pipe.output().write("more than eight bytes".getBytes());
        pipe.cancel();
        assertThrows(ResultPipe.ClientGone.class, () -> pipe.output().write("x".getBytes()));
        ResultPipe stalled = new ResultPipe(1, 100, Duration.ofMillis(1));
        assertThrows(ResultPipe.ClientGone.class, () -> {
            for (int i = 0; i < 100; i++) {
                stalled.output().write('x');
            }
        }, "a reader that takes nothing makes the writer give up once the queue is full");
    }
}
