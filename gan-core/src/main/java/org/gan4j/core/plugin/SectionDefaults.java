package org.gan4j.core.plugin;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gan4j.api.plugin.SectionDefault;
import org.gan4j.api.plugin.Variant;

/** The defaults plugins declared, one per kind; a clash or a default no plugin registers is a start-up error. */
public final class SectionDefaults {
    private SectionDefaults() {}

    /** The declared defaults keyed by kind; throws {@link PluginLoadException} naming both plugins of a clash. */
    public static Map<Class<?>, SectionDefault> byKind(Collection<SectionDefault> declared, Collection<Variant> variants) {
        List<SectionDefault> sorted = declared.stream()
                .sorted(Comparator.comparing(SectionDefault::declaredBy)).toList();
        Map<Class<?>, SectionDefault> byKind = new LinkedHashMap<>();
        for (SectionDefault d : sorted) {
            SectionDefault before = byKind.putIfAbsent(d.kind(), d);
            if (before != null) {
                throw new PluginLoadException(String.format(
                        "two plugins declare the default %s: '%s' (from %s) and '%s' (from %s); remove one of them",
                        d.kind().getSimpleName(), before.variant(), before.declaredBy(), d.variant(), d.declaredBy()));
            }
            boolean registered = variants.stream().anyMatch(v -> v.kind().equals(d.kind()) && v.name().equals(d.variant()));
            if (!registered) {
                throw new PluginLoadException(String.format(
                        "%s declares '%s' the default %s, but no plugin registers a %s named '%s'",
                        d.declaredBy(), d.variant(), d.kind().getSimpleName(), d.kind().getSimpleName(), d.variant()));
            }
        }
        return Map.copyOf(byKind);
    }
}
