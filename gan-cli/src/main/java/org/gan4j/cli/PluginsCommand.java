package org.gan4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gan4j.api.plugin.SectionDefault;
import org.gan4j.api.plugin.Variant;
import org.gan4j.core.GanFramework;
import org.gan4j.core.plugin.PluginRegistry;
import org.gan4j.core.plugin.VariantDocs;
import picocli.CommandLine.Command;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every registered variant with its config keys, types and defaults.")
final class PluginsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GanFramework framework = GanCli.framework(spec);
        ObjectMapper mapper = framework.plugins().injector().getInstance(ObjectMapper.class);
        String kind = null;
        for (Variant v : framework.plugins().variants()) {
            if (!v.kind().getSimpleName().equals(kind)) {
                kind = v.kind().getSimpleName();
                System.out.println();
                System.out.println(kind + ":");
            }
            System.out.printf("  %-16s %s%n", v.name(), v.description());
            String origin = PluginRegistry.origin(v.implementation());
            System.out.printf("  %-16s from %s%n", "", PluginRegistry.external(v.implementation())
                    ? "plugin jar " + origin : "built-in " + builtIn(Path.of(origin)));
            SectionDefault declared = framework.plugins().defaults().get(v.kind());
            if (declared != null && declared.variant().equals(v.name())) {
                System.out.printf("  %-16s the default for a left-out %s section, with %s%n", "",
                        kind, new java.util.TreeMap<>(declared.settings()));
            }
            printKeys(VariantDocs.keys(mapper, v));
        }
        // The trainer's own keys (packing, generator_ema, schedules, ...) belong to core, not to a variant.
        System.out.println();
        System.out.println("trainer: (the core section's keys)");
        printKeys(VariantDocs.keys(mapper, org.gan4j.core.config.TrainerConfig.class));
        return 0;
    }

    private static void printKeys(List<VariantDocs.Key> keys) {
        for (VariantDocs.Key k : keys) {
            String def = k.defaultValue().isEmpty() ? "" : " = " + k.defaultValue();
            System.out.printf("      %-24s %-10s%s%s%n", k.name(), k.type(), def,
                    k.description().isEmpty() ? "" : "   # " + k.description());
        }
    }

    /** A built-in module's jar name, or its name when it runs from a build folder (module/target/classes). */
    private static String builtIn(Path origin) {
        Path target = origin.getParent();
        if (origin.endsWith("classes") && target != null && target.endsWith("target") && target.getParent() != null) {
            return target.getParent().getFileName() + " (" + origin + ")";
        }
        return String.valueOf(origin.getFileName());
    }
}
