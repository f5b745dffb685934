package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gan4j.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engine:} at load time: defaulted to mxnet by the MXNet engine module, an unknown name refused naming
 * the engines, and a regularizer needing ∇ₓD refused on an engine without second derivatives, before any
 * native library loads. On PyTorch (its subclass) the same regularizer trains and is logged.
 */
class EngineChoiceTest {
    static final String WITH_R1 = """
            seed: 2
            data: {type: ring, std: 0.05}
            model: {type: mlp, hidden: [8, 8]}
            loss: {type: non-saturating}
            regularizers: [{type: input-gradient-norm, gamma: 10}]
            trainer: {steps: 6, batch_size: 16, log_every: 3}
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    @Test
    void theDefaultEngineIsMxnet() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", WITH_R1.replace("regularizers: [{type: input-gradient-norm, gamma: 10}]\n", ""));
        assertEquals("mxnet", Experiments.FRAMEWORK.configLoader().load(file, java.util.List.of()).config().getEngine());
    }

    @Test
    void anUnknownEngineIsRefusedNamingTheEngines() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", "engine: tensorflow\n" + WITH_R1);
        ConfigException e = assertThrows(ConfigException.class,
                () -> Experiments.FRAMEWORK.configLoader().load(file, java.util.List.of()));
        assertEquals(file + ":1:9: engine: unknown engine 'tensorflow'; accepted: [mxnet, pytorch]", e.getMessage());
    }

    @Test
    void aSecondOrderRegularizerIsRefusedOnMxnetAtValidate() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", WITH_R1);
        ConfigException e = assertThrows(ConfigException.class,
                () -> Experiments.FRAMEWORK.configLoader().load(file, java.util.List.of("engine=mxnet")));
        assertEquals(file + ":5:16: regularizers[0]: regularizer 'input_gradient_norm' needs the input gradient of D"
                + " (second derivatives), which the mxnet engine does not provide; set engine: pytorch", e.getMessage());
    }

    @Test
    void aSecondOrderRegularizerLoadsOnPytorch() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", WITH_R1);
        assertEquals("pytorch", Experiments.FRAMEWORK.configLoader().load(file, java.util.List.of("engine=pytorch"))
                .config().getEngine());
    }
}
