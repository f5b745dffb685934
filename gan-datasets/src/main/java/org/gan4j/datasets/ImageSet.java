package org.gan4j.datasets;

import ai.djl.ndarray.types.Shape;

/**
 * Decoded images in memory: n samples of shape (C, H, W) as unsigned bytes, sample-major and
 * channel-planar (pixel (i, c, y, x) at ((i·C + c)·H + y)·W + x), with optional class labels.
 *
 * @param pixels n·C·H·W bytes, each read as 0..255
 * @param labels n class ids in [0, numClasses), or null when unlabelled
 * @param numClasses number of classes, 0 when unlabelled
 * @param sampleShape (C, H, W)
 * @param origin where the data came from, for messages
 */
record ImageSet(byte[] pixels, int[] labels, int numClasses, Shape sampleShape, String origin) {

    ImageSet {
        long sampleSize = sampleShape.size();
        if (sampleSize <= 0 || pixels.length == 0 || pixels.length % sampleSize != 0) {
            throw new IllegalArgumentException(origin + ": " + pixels.length
                    + " bytes are not a whole number of samples of shape " + sampleShape);
        }
        long n = pixels.length / sampleSize;
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException(origin + ": " + labels.length + " labels for " + n + " images");
        }
    }

    int size() {
        return Math.toIntExact(pixels.length / sampleShape.size());
    }

    /** The same images without labels. */
    ImageSet withoutLabels() {
        return new ImageSet(pixels, null, 0, sampleShape, origin);
    }

    /**
     * The images with {@code pad} background pixels (byte 0, i.e. −1 after scaling) added on every side,
     * e.g. 28×28 MNIST padded by 2 to the 32×32 that LeNet-5 and 32-pixel DCGANs take.
     */
    ImageSet padded(int pad) {
        if (pad == 0) {
            return this;
        }
        long[] s = sampleShape.getShape();
        int c = (int) s[0];
        int h = (int) s[1];
        int w = (int) s[2];
        int ph = h + 2 * pad;
        int pw = w + 2 * pad;
        byte[] out = new byte[size() * c * ph * pw];
        for (int plane = 0; plane < size() * c; plane++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(pixels, (plane * h + y) * w, out, (plane * ph + y + pad) * pw + pad, w);
            }
        }
        return new ImageSet(out, labels, numClasses, new Shape(c, ph, pw), origin);
    }

    /** Largest label + 1 (0 for none). */
    static int classCount(int[] labels) {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }
}
