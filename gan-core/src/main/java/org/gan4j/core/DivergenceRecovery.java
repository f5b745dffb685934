package org.gan4j.core;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.api.train.RunSummary;
import org.gan4j.core.checkpoint.CheckpointStore;
import org.gan4j.core.config.TrainerConfig;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.GanTrainer;
import org.gan4j.core.train.TrainingDivergedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains; when the run diverges and {@code trainer.on_divergence} is rollback, restores the newest good
 * checkpoint, scales both learning rates and continues, up to {@code max_rollbacks} times.
 */
final class DivergenceRecovery {
    private static final Logger LOG = LoggerFactory.getLogger("gan.run");

    private final TrainerConfig trainer;
    private final CheckpointStore store;
    private final GanNetworks networks;
    private final ParameterOptimizer gOpt;
    private final ParameterOptimizer dOpt;

    DivergenceRecovery(TrainerConfig trainer, CheckpointStore store, GanNetworks networks, ParameterOptimizer gOpt,
            ParameterOptimizer dOpt) {
        this.trainer = trainer;
        this.store = store;
        this.networks = networks;
        this.gOpt = gOpt;
        this.dOpt = dOpt;
    }

    RunSummary train(GanTrainer gan, NDManager root, long start, long target, int threads) {
        int rollbacks = 0;
        long from = start;
        while (true) {
            try {
                return gan.train(root, from, target, threads);
            } catch (TrainingDivergedException e) {
                Optional<CheckpointStore.Restored> good;
                try {
                    good = rollbacks < trainer.getMaxRollbacks()
                            && trainer.getOnDivergence() == TrainerConfig.DivergencePolicy.ROLLBACK
                            ? store.restoreLatest(networks, gOpt, dOpt, root) : Optional.empty();
                } catch (IOException io) {
                    throw new RunException(e.getMessage() + "; the checkpoints cannot be read: " + io.getMessage(), e);
                }
                if (good.isEmpty()) {
                    throw new RunException(e.getMessage() + "; " + lastGood(), e);
                }
                rollbacks++;
                gOpt.scaleLearningRate(trainer.getRollbackLrFactor());
                dOpt.scaleLearningRate(trainer.getRollbackLrFactor());
                from = good.get().step();
                LOG.warn("{}; rolled back to step {} ({}), learning rates x{} (rollback {} of {})", e.getMessage(),
                        from, good.get().file().getFileName(), trainer.getRollbackLrFactor(), rollbacks,
                        trainer.getMaxRollbacks());
            }
        }
    }

    private String lastGood() {
        try {
            List<Path> all = store.list();
            return all.isEmpty() ? "no checkpoint was written before it"
                    : "the last checkpoint, " + all.get(all.size() - 1) + ", is intact (resume from it with --resume "
                            + "and lower learning rates, or set trainer.on_divergence: rollback)";
        } catch (IOException e) {
            return "the checkpoints folder cannot be listed: " + e.getMessage();
        }
    }
}
