package org.gan4j.core;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT/SIGTERM into a polite stop: the JVM's shutdown hook asks the trainer to stop after its
 * current step and waits (up to a minute) until the run has written its checkpoint and closed.
 */
final class InterruptHook implements AutoCloseable {
    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private InterruptHook(Runnable requestStop) {
        this.hook = new Thread(() -> {
            requestStop.run();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gan-interrupt");
    }

    static InterruptHook install(Runnable requestStop) {
        InterruptHook h = new InterruptHook(requestStop);
        Runtime.getRuntime().addShutdownHook(h.hook);
        return h;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already running the hook: it returns now that the run has finished
        }
    }
}
