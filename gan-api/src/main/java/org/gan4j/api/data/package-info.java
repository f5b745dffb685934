/** Data sources: seeded, index-addressed minibatches of real samples. */
package org.gan4j.api.data;
