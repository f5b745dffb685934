/** What a variant implements to keep its own state in checkpoints. */
package org.gan4j.api.checkpoint;
