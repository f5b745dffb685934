/** Adversarial losses: the value function's two sides, from logits. */
package org.gan4j.api.loss;
