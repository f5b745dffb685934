package org.gan4j.models;

import org.gan4j.api.model.Architecture;
import org.gan4j.api.plugin.GanPlugin;

/** Registers the built-in architectures. */
public final class ModelsPlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(Architecture.class, "mlp", MlpArchitecture.class,
                "fully connected G and D with configurable widths and activation");
        register(Architecture.class, "dcgan", DcganArchitecture.class,
                "DCGAN: transposed-conv G and strided-conv D with BatchNorm, for 28, 32 or 64 px images");
        register(Architecture.class, "resnet", ResnetArchitecture.class,
                "SNGAN ResNet G and D (pre-activation residual blocks, nearest upsampling, average pooling) for 28, "
                        + "32 or 64 px images; optional spectral_norm and attention_at");
        register(Architecture.class, "pix2pix", Pix2PixArchitecture.class,
                "pix2pix for image-to-image tasks: U-Net G (skips, dropout as noise) and PatchGAN D on (x, condition)");
    }
}
