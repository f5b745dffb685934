package org.gan4j.core.checkpoint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The trainer's section of a checkpoint: the step it was written after, the resolved config the run was
 * trained with, and the best value of {@code checkpoint.best_metric} so far (so a resumed run replaces
 * {@code best.ckpt} only with a better one, as an uninterrupted run does).
 */
public record TrainerState(long step, String configYaml, OptionalDouble best) {
    static final String SECTION = "trainer";

    void write(DataOutputStream out) throws IOException {
        out.writeLong(step);
        byte[] config = configYaml.getBytes(StandardCharsets.UTF_8);
        out.writeInt(config.length);
        out.write(config);
        out.writeBoolean(best.isPresent());
        out.writeDouble(best.orElse(0));
    }

    /** Reads and checks the section; {@code nameStep} is the step a {@code step-N.ckpt} name promises. */
    static TrainerState read(DataInputStream in, Path file, OptionalLong nameStep) throws IOException {
        long step = step(in.readLong(), file, nameStep);
        String config = BoundedReads.utf8(in, file, "the resolved config");
        byte present = in.readByte();
        double best = in.readDouble();
        if (present != 0 && present != 1) {
            throw InvalidCheckpointException.invalid(file, "its best-value flag is " + present + "; 0 or 1 expected");
        }
        if (present == 1 && !Double.isFinite(best)) {
            throw InvalidCheckpointException.invalid(file, "its best value is " + best + "; a finite number expected");
        }
        return new TrainerState(step, config, present == 1 ? OptionalDouble.of(best) : OptionalDouble.empty());
    }

    /** Version 1 kept the step and the config in the header, and no best value. */
    static TrainerState readLegacy(DataInputStream in, Path file, OptionalLong nameStep) throws IOException {
        long step = step(in.readLong(), file, nameStep);
        return new TrainerState(step, BoundedReads.utf8(in, file, "the resolved config"), OptionalDouble.empty());
    }

    private static long step(long step, Path file, OptionalLong nameStep) throws InvalidCheckpointException {
        if (step < 0) {
            throw InvalidCheckpointException.invalid(file, "its trainer state says step " + step
                    + "; a step is 0 or more");
        }
        if (nameStep.isPresent() && nameStep.getAsLong() != step) {
            throw InvalidCheckpointException.invalid(file, "its trainer state says step " + step
                    + " but its name says step " + nameStep.getAsLong());
        }
        return step;
    }
}
