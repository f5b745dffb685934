package org.gan4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.gan4j.core.ExperimentRunner;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunOptions;
import org.gan4j.core.checkpoint.CheckpointStore;
import org.gan4j.core.config.ConfigException;
import org.gan4j.core.config.ConfigLoader;
import org.gan4j.core.run.RunLock;

/**
 * The worker process of {@code gan bench}: trains one member into its run directory.
 *
 * <pre>java -cp ... org.gan4j.bench.BenchWorker --out RUN_DIR [--parent-pid PID] [--plugins DIR]... BASE
 *     [--set key=value]...</pre>
 *
 * <p>A run directory holding a checkpoint of an unfinished run is resumed from it (bit-exact); any other
 * leftover is replaced. The worker stops itself when the bench process that started it is gone (killed
 * with SIGKILL, or the cluster executor that started it), so a rerun never races an orphan; and it holds
 * {@link RunLock} on the run directory while it trains (a second worker on the same directory waits for it,
 * then fails). Exit codes: 0 done, 1 runtime failure, 2 config error, 130 interrupted (a checkpoint was written).
 */
public final class BenchWorker {
    /** How long a retried member waits for the halting orphan of its earlier attempt to release the run. */
    static final java.time.Duration LOCK_PATIENCE = java.time.Duration.ofSeconds(60);

    private BenchWorker() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path out = null;
        Path base = null;
        List<Path> plugins = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        long parentPid = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--plugins" -> plugins.add(Path.of(args[++i]));
                case "--parent-pid" -> parentPid = Long.parseLong(args[++i]);
                case "--set" -> overrides.add(args[++i]);
                default -> base = Path.of(args[i]);
            }
        }
        if (out == null || base == null) {
            System.err.println("usage: BenchWorker --out RUN_DIR [--plugins DIR]... BASE [--set key=value]...");
            return 2;
        }
        watchParent(parentPid);
        // held until this process exits: a retry of this member cannot train beside it
        try (RunLock lock = RunLock.acquire(out, LOCK_PATIENCE)) {
            GanFramework framework = GanFramework.discover(plugins);
            ConfigLoader.Loaded loaded = framework.configLoader().load(base, overrides);
            long target = loaded.config().getTrainer().targetStep(0);
            RunOptions options = resumable(out, target) ? RunOptions.resume(out) : fresh(out);
            ExperimentRunner.Result result = framework.runner().run(loaded, options);
            System.out.println("run directory: " + result.runDir());
            return result.interrupted() ? 130 : 0;
        } catch (ConfigException e) {
            System.err.println("gan: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("gan: " + e.getMessage());
            e.printStackTrace();
            return 1;
        }
    }

    /** A run directory with a checkpoint before the target step: the run was stopped and can continue. */
    static boolean resumable(Path dir, long target) {
        if (!Files.exists(dir.resolve(ExperimentRunner.RESOLVED_CONFIG))) {
            return false;
        }
        try {
            List<Path> checkpoints = new CheckpointStore(dir).list();
            if (checkpoints.isEmpty()) {
                return false;
            }
            String name = checkpoints.get(checkpoints.size() - 1).getFileName().toString();
            long step = Long.parseLong(name.replaceAll("\\D", ""));
            return step < target;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static RunOptions fresh(Path dir) {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot clear the unfinished run in " + dir + ": " + e.getMessage(), e);
            }
        }
        return RunOptions.into(dir);
    }

    /**
     * Halts this worker once the bench process has died. Its pid is passed explicitly: a worker whose parent
     * died before it started has been adopted by init, which {@code ProcessHandle.parent()} would report.
     */
    private static void watchParent(long pid) {
        ProcessHandle parent = (pid > 0 ? ProcessHandle.of(pid) : ProcessHandle.current().parent()).orElse(null);
        if (parent == null) {
            System.err.println("gan bench worker: the bench process is gone; stopping");
            Runtime.getRuntime().halt(137);
        }
        Thread t = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("gan bench worker: the bench process is gone; stopping");
            Runtime.getRuntime().halt(137);
        }, "bench-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
