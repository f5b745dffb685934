package org.gan4j.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gan4j.api.train.RunInfo;
import org.gan4j.api.train.StepStats;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training from code: YAML with overrides and a listener, a config built in code, cancel from another thread. */
class LibraryTrainingTest {
    static final Gan4j GAN = Gan4j.discover();
    @TempDir
    Path tmp;

    /** A small ring GAN built without YAML. */
    static ExperimentBuilder ring(String name, int steps) {
        return GAN.newExperiment(name).set("seed", 3)
                .set("data", Map.of("type", "ring", "modes", 4, "radius", 2.0, "std", 0.05))
                .set("latent.dim", 2)
                .set("model", Map.of("type", "mlp", "hidden", List.of(16)))
                .set("loss.type", "non-saturating")
                .set("trainer.steps", steps).set("trainer.batch_size", 32).set("trainer.log_every", 10)
                .set("eval.samples", 100).set("output.plots", false);
    }

    @Test
    void yamlWithOverridesAndListenerTrainsAndReportsProgress() {
        List<Long> logged = new CopyOnWriteArrayList<>();
        AtomicReference<RunInfo> started = new AtomicReference<>();
        TrainingResult r = GAN.experiment(Path.of("../examples/ring8.yaml"))
                .set("trainer.steps", 40).set("trainer.log_every", 10).set("trainer.batch_size", 32)
                .set("model.hidden", "[16]").set("eval.samples", 200).set("output.plots", false)
                .outDir(tmp.resolve("run"))
                .listener(new TrainingListener() {
                    @Override
                    public void onStart(RunInfo run) {
                        started.set(run);
                    }

                    @Override
                    public void onLog(StepStats stats) {
                        logged.add(stats.step());
                    }
                }).train();
        assertFalse(r.interrupted());
        assertEquals(40, r.step());
        assertEquals(40, started.get().targetStep());
        assertEquals(List.of(10L, 20L, 30L, 40L), logged);
        assertTrue(Files.isRegularFile(r.runDir().resolve("metrics.csv")));
        assertTrue(r.metrics().containsKey("modes_captured"), r.metrics().toString());
    }

    @Test
    void builtConfigTrainsAndIsValidatedStrictly() {
        TrainingResult r = ring("built", 20).build().outDir(tmp.resolve("built")).train();
        assertEquals(20, r.step());
        assertTrue(Files.isRegularFile(r.runDir().resolve("summary.json")));

        ConfigException unknown = assertThrows(ConfigException.class,
                () -> ring("bad", 20).set("trainer.speed", 3).build().validate());
        assertTrue(unknown.getMessage().contains("unknown key 'speed'"), unknown.getMessage());
    }

    @Test
    void cancelFromAnotherThreadStopsWithACheckpointLikeSigint() throws Exception {
        Experiment experiment = ring("cancel", 100_000).build().outDir(tmp.resolve("cancel"));
        CountDownLatch firstLog = new CountDownLatch(1);
        experiment.listener(new TrainingListener() {
            @Override
            public void onLog(StepStats stats) {
                firstLog.countDown();
            }
        });
        Thread canceller = new Thread(() -> {
            try {
                if (firstLog.await(60, TimeUnit.SECONDS)) {
                    experiment.cancel();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        TrainingResult r = experiment.train();
        canceller.join();
        assertTrue(r.interrupted());
        assertTrue(r.step() >= 10 && r.step() < 100_000, "stopped at " + r.step());
        assertTrue(Files.isRegularFile(r.runDir().resolve(String.format("checkpoints/step-%08d.ckpt", r.step()))),
                "the stop wrote the checkpoint of its step");
    }
}
