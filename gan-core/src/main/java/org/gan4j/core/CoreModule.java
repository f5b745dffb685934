package org.gan4j.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Set;
import org.gan4j.api.plugin.SectionDefault;
import org.gan4j.api.plugin.Variant;
import org.gan4j.core.config.ConfigLoader;
import org.gan4j.core.config.ConfigMapper;
import org.gan4j.core.plugin.SectionDefaults;

/** Core bindings: the config mapper knows every variant the plugins registered, the loader their defaults. */
final class CoreModule extends AbstractModule {

    @Provides
    @Singleton
    ObjectMapper configMapper(Set<Variant> variants) {
        return ConfigMapper.create(variants);
    }

    @Provides
    @Singleton
    ConfigLoader configLoader(ObjectMapper mapper, Set<Variant> variants, Set<SectionDefault> defaults) {
        return new ConfigLoader(mapper, variants, SectionDefaults.byKind(defaults, variants));
    }
}
