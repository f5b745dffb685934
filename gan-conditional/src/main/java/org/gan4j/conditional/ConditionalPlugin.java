package org.gan4j.conditional;

import org.gan4j.api.conditional.ConditionalTask;
import org.gan4j.api.plugin.GanPlugin;

/** Registers the conditional tasks. */
public final class ConditionalPlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(ConditionalTask.class, "super-resolution", SuperResolutionTask.class,
                "x2/x4 super-resolution: G restores x from bicubic-upscaled downscale(x); baseline bicubic");
        register(ConditionalTask.class, "colorization", ColorizationTask.class,
                "colorization: G paints RGB from the luma Y; baseline the gray image as RGB");
        register(ConditionalTask.class, "inpainting", InpaintingTask.class,
                "inpainting: G fills a centre/random hole given the masked image and mask; baseline mean fill");
        register(ConditionalTask.class, "class-conditional", ClassConditionalTask.class,
                "class-conditional: G(z|y), D(x|y) with the class id y; grids show one row per class");
    }
}
