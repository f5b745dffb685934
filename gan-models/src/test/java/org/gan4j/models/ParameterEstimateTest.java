package org.gan4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** The estimate core checks against memory equals the parameter count of the networks actually built. */
class ParameterEstimateTest {
    private static final int LATENT = 5;

    private static long built(Architecture a, ModelSpec spec) {
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = a.generator(spec);
            Block d = a.discriminator(spec);
            Shape sample = new Shape(1).addAll(spec.discriminatorInputShape());
            if (spec.conditionShape() != null) {
                g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), new Shape(1).addAll(spec.conditionShape()));
                d.initialize(m, DataType.FLOAT32, sample, new Shape(1).addAll(spec.conditionShape()));
            } else if (spec.numClasses() > 0) {
                g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), new Shape(1));
                d.initialize(m, DataType.FLOAT32, sample, new Shape(1));
            } else {
                g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT));
                d.initialize(m, DataType.FLOAT32, sample);
            }
            long count = 0;
            for (Block net : List.of(g, d)) {
                for (Parameter p : net.getParameters().values()) {
                    count += p.getArray().size();
                }
            }
            return count;
        }
    }

    private static void assertExact(Architecture a, ModelSpec spec) {
        assertEquals((double) built(a, spec), a.estimateParameters(spec).getAsDouble(), 0.0, spec.toString());
    }

    @Test
    void mlpEstimateIsExact() {
        MlpArchitecture mlp = new MlpArchitecture();
        mlp.setHidden(List.of(16, 8));
        assertExact(mlp, ModelSpec.of(new Shape(2), LATENT));
        mlp.setGeneratorBatchNorm(true);
        mlp.setActivation(ActivationKind.MAXOUT);
        mlp.setMaxoutPieces(3);
        assertExact(mlp, ModelSpec.of(new Shape(1, 4, 4), LATENT));
        assertExact(mlp, new ModelSpec(new Shape(3), LATENT, 4, null));
    }

    @Test
    void dcganEstimateIsExact() {
        DcganArchitecture dcgan = new DcganArchitecture();
        dcgan.setBaseWidth(8);
        for (int side : DcganArchitecture.SIZES) {
            assertExact(dcgan, ModelSpec.of(new Shape(1, side, side), LATENT));
            assertExact(dcgan, ModelSpec.of(new Shape(3, side, side), LATENT));
        }
        assertExact(dcgan, new ModelSpec(new Shape(1, 28, 28), LATENT, 3, null));
    }

    /** With packing m, D's first layer takes m samples' features or channels, and the estimate follows it. */
    @Test
    void packedEstimatesAreExact() {
        MlpArchitecture mlp = new MlpArchitecture();
        mlp.setHidden(List.of(16, 8));
        mlp.setActivation(ActivationKind.MAXOUT);
        mlp.setMaxoutPieces(3);
        DcganArchitecture dcgan = new DcganArchitecture();
        dcgan.setBaseWidth(4);
        ResnetArchitecture resnet = new ResnetArchitecture();
        resnet.setGeneratorWidth(4);
        resnet.setDiscriminatorWidth(4);
        for (int m : new int[] {2, 4}) {
            assertExact(mlp, ModelSpec.of(new Shape(2), LATENT).withPacking(m));
            assertExact(dcgan, ModelSpec.of(new Shape(1, 28, 28), LATENT).withPacking(m));
            assertExact(resnet, ModelSpec.of(new Shape(3, 32, 32), LATENT).withPacking(m));
        }
    }

    @Test
    void widthsBeyondAnIntStillEstimateAtLeastTheTruth() {
        DcganArchitecture huge = new DcganArchitecture();
        huge.setBaseWidth(1_000_000_000);
        double estimate = huge.estimateParameters(ModelSpec.of(new Shape(3, 64, 64), LATENT)).getAsDouble();
        assertTrue(estimate > 1e18, "an impossible model: " + estimate);
    }

    @Test
    void pix2pixEstimateIsExact() {
        Pix2PixArchitecture p = new Pix2PixArchitecture();
        p.setDepth(3);
        p.setFilters(4);
        p.setMaxFilters(8);
        p.setDFilters(4);
        p.setDMaxFilters(8);
        assertExact(p, new ModelSpec(new Shape(3, 32, 32), LATENT, 0, new Shape(3, 32, 32)));
        assertExact(p, new ModelSpec(new Shape(3, 32, 32), LATENT, 0, new Shape(1, 32, 32)));
        p.setDepth(1);
        assertExact(p, new ModelSpec(new Shape(1, 32, 32), LATENT, 0, new Shape(2, 32, 32)));
    }

    @Test
    void estimatesFollowDNorm() {
        MlpArchitecture mlp = new MlpArchitecture();
        mlp.setHidden(List.of(6, 4));
        DcganArchitecture dcgan = new DcganArchitecture();
        dcgan.setBaseWidth(4);
        Pix2PixArchitecture p = new Pix2PixArchitecture();
        p.setDepth(2);
        p.setFilters(4);
        p.setDFilters(4);
        p.setDLayers(2);
        for (NormKind norm : NormKind.values()) {
            mlp.setDNorm(norm);
            dcgan.setDNorm(norm);
            p.setDNorm(norm);
            assertExact(mlp, ModelSpec.of(new Shape(3), LATENT));
            assertExact(dcgan, ModelSpec.of(new Shape(1, 28, 28), LATENT));
            assertExact(p, new ModelSpec(new Shape(1, 16, 16), LATENT, 0, new Shape(1, 16, 16)));
        }
    }
}
