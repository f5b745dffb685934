package org.gan4j.datasets;

import org.gan4j.api.data.DataSource;
import org.gan4j.api.plugin.GanPlugin;

/** Registers the built-in data sources. */
public final class DatasetsPlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(DataSource.class, "gaussian", GaussianData.class,
                "1-D Gaussian, or a 1-D mixture when several means are given");
        register(DataSource.class, "ring", RingData.class,
                "2-D mixture of K Gaussians evenly spaced on a circle");
        register(DataSource.class, "grid", GridData.class,
                "2-D mixture of n×n Gaussians on a square lattice");
        register(DataSource.class, "idx", IdxData.class,
                "MNIST-style IDX images (raw or .gz); default: embedded Fashion-MNIST test split");
        register(DataSource.class, "cifar10", Cifar10Data.class,
                "CIFAR-10 binary batches (3×32×32, 10 classes) from a folder");
        register(DataSource.class, "image-folder", ImageFolderData.class,
                "PNG/JPEG files, centre-cropped and scaled (sub-folders are classes), or random crops (crop_size)");
        register(DataSource.class, "photos", PhotosData.class,
                "the six embedded CC0/public-domain colour photographs as random crops");
    }
}
