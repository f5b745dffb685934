/**
 * Conditional tasks: how a clean batch becomes (condition, target) pairs for a conditional GAN
 * (super-resolution, colorization, inpainting, class-conditional generation).
 */
package org.gan4j.api.conditional;
