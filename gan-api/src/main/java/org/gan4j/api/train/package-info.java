/** Observing training: listeners and the values they receive. */
package org.gan4j.api.train;
