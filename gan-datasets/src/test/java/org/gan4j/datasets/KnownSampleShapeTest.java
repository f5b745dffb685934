package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.data.SampleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shape a source announces from its settings (for the memory check) is the shape it serves. */
class KnownSampleShapeTest {
    @TempDir
    Path dir;

    private void assertServes(DataSource source) throws IOException {
        try (SampleSource opened = source.open(new DataContext(dir, 1))) {
            assertEquals(opened.sampleShape(), source.knownSampleShape().orElseThrow(), source.getClass().getSimpleName());
        }
    }

    @Test
    void pointSourcesAndImageSourcesAnnounceTheShapeTheyServe() throws IOException {
        assertServes(new RingData());
        assertServes(new GridData());
        GaussianData gaussian = new GaussianData();
        gaussian.setMeans(List.of(-2.0, 2.0));
        assertServes(gaussian);

        ImageFolderDataTest.solid(dir.resolve("faces/a.png"), 20, 12, Color.GRAY, "png");
        ImageFolderData folder = new ImageFolderData();
        folder.setPath("faces");
        folder.setSize(8);
        folder.setChannels(1);
        assertServes(folder);
        folder.setChannels(3);
        folder.setCropSize(6);
        folder.setHoldout(0);
        assertServes(folder);

        PhotosData photos = new PhotosData();
        photos.setCropSize(16);
        photos.setChannels(1);
        assertServes(photos);

        assertTrue(new IdxData().knownSampleShape().isEmpty(), "idx: only the files tell");
    }
}
