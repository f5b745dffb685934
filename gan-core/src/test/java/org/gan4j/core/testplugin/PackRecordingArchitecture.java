package org.gan4j.core.testplugin;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;

/**
 * Test-only: a one-layer G for 1-D samples and a one-layer D that records every input it is given, so a test
 * can see the packs D judged.
 */
public final class PackRecordingArchitecture implements Architecture {
    /** Each input D was given: its shape and its values, in call order. */
    public static final List<Seen> SEEN = Collections.synchronizedList(new ArrayList<>());

    /** One input of D. */
    public record Seen(Shape shape, float[] values) {}

    @Override
    public Block generator(ModelSpec spec) {
        return new SequentialBlock().add(Linear.builder().setUnits(spec.sampleSize()).build());
    }

    @Override
    public Block discriminator(ModelSpec spec) {
        return new SequentialBlock()
                .add(new LambdaBlock(x -> {
                    SEEN.add(new Seen(x.head().getShape(), x.head().toFloatArray()));
                    return new NDList(x.head());
                }, "record"))
                .add(Linear.builder().setUnits(1).build());
    }
}
