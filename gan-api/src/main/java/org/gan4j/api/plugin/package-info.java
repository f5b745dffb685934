/** Plugin registration: a Guice module per plugin, found by ServiceLoader, naming its variants. */
package org.gan4j.api.plugin;
