package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ImageSetPadTest {
    @Test
    void paddingSurroundsEachPlaneWithBackground() {
        byte[] px = {1, 2, 3, 4, 5, 6, 7, 8}; // two 1×2×2 images
        ImageSet padded = new ImageSet(px, new int[] {0, 1}, 2, new Shape(1, 2, 2), "t").padded(1);
        assertEquals(new Shape(1, 4, 4), padded.sampleShape());
        byte[] expectFirst = {0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0};
        for (int i = 0; i < 16; i++) {
            assertEquals(expectFirst[i], padded.pixels()[i], "pixel " + i);
        }
        assertEquals(8, padded.pixels()[16 + 10]);
        assertEquals(2, padded.size());
        assertEquals(1, padded.labels()[1]);
    }
}
