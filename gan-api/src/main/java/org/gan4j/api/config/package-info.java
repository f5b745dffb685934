/** Helpers for variant config classes. */
package org.gan4j.api.config;
