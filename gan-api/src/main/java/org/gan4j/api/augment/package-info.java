/** Differentiable augmentations of the discriminator's inputs ({@code augment:}). */
package org.gan4j.api.augment;
