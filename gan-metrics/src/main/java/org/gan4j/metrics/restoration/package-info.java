/**
 * Restoration quality for conditional runs (super-resolution, colorization, inpainting): PSNR/SSIM (RGB and
 * BT.601 luma), error inside an inpainting hole and colourfulness, of G's outputs and of the task's non-learned
 * baseline against held-out targets. The formulas live in {@link org.gan4j.metrics.restoration.ImageQuality}, on
 * host arrays.
 */
package org.gan4j.metrics.restoration;
