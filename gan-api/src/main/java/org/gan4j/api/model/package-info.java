/** Architectures: generator and discriminator blocks for a data shape. */
package org.gan4j.api.model;
