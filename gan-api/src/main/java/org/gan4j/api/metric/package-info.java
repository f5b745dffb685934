/** Metrics computed at evaluation steps. */
package org.gan4j.api.metric;
