/**
 * Small helpers plugins may use, since they cannot reach gan-core: atomic file writes and the
 * result-key checks every metric applies.
 */
package org.gan4j.api.support;
