package cn.zjdata.portal.support;

import cn.zjdata.portal.publishing.ReleaseProcessor;
import cn.zjdata.portal.publishing.TableProfile;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test-only processor that, once armed for a dataset, holds the next publish of it inside its transaction
 * until the test lets it go: a deterministic way to have two publishes of one dataset at once.
 */
@ApplicationScoped
public class PausingProcessor implements ReleaseProcessor {

    private volatile String armedFor;
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile CountDownLatch proceed = new CountDownLatch(0);

    @Override
    public TableProfile profile() {
        return TableProfile.TASK_TARGETS;
    }

    public void arm(String slug) {
        entered = new CountDownLatch(1);
        proceed = new CountDownLatch(1);
        armedFor = slug;
    }

    /** Waits until the armed publish is inside its transaction. */
    public void awaitEntered() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the armed publish never reached the processor");
        }
    }

    public void release() {
        proceed.countDown();
    }

    @Override
    public void apply(PublishedRelease release) {
        if (release.slug().equals(armedFor)) {
            armedFor = null;
            entered.countDown();
            try {
                if (!proceed.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the paused publish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
