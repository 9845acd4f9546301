package cn.zjdata.portal.publishing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projections read the outbox with a high-water mark, which is only sound when events commit in the
 * order of their ids: an appender holds the outbox lock from before its event gets an id until it commits.
 */
@QuarkusTest
@Tag("database")
class OutboxOrderTest {

    @Test
    void anAppenderHoldsTheOutboxLockUntilItsTransactionEnds() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent.append(OutboxEvent.RELEASE_PUBLISHED, "outbox-order-slow", null, Instant.now());
            OutboxEvent.getEntityManager().flush();
            appended.countDown();
            await(finish);
        }));
        assertTrue(appended.await(30, TimeUnit.SECONDS));
        try {
            assertFalse(canLockNow(), "another appender cannot get an id while the first has not committed");
        } finally {
            finish.countDown();
        }
        slow.get(30, TimeUnit.SECONDS);
        assertTrue(canLockNow(), "once it has committed, the next appender proceeds");
    }

    /** Whether the outbox lock is free this instant (NOWAIT: a held lock is an error, not a wait). */
    private static boolean canLockNow() {
        try {
            QuarkusTransaction.requiringNew().run(() -> OutboxEvent.getEntityManager()
                    .createNativeQuery("select id from outbox_lock where id = 1 for update nowait").getSingleResult());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the slow appender finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
