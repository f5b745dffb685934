package org.gan4j.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules, checked on the main code of every module (this module's test class path holds
 * them all). From the bottom: gan-api imports no project package; the plugin modules import gan-api
 * only, never gan-core or each other; gan-core names no plugin; the modules above core (the CLI,
 * bench, perf, and later engines and clusters) are imported by neither core nor plugins.
 */
class ArchitectureTest {
    static final String API = "org.gan4j.api..";
    static final String CORE = "org.gan4j.core..";

    /** The plugin modules' packages; a new plugin module adds its package here. */
    static final List<String> PLUGINS = List.of(
            "org.gan4j.losses..", "org.gan4j.models..", "org.gan4j.datasets..", "org.gan4j.metrics..",
            "org.gan4j.conditional..", "org.gan4j.optimizers..");

    /** Modules that sit above core and use it; future engine and cluster modules add their packages here. */
    static final List<String> ABOVE_CORE = List.of(
            "org.gan4j.cli..", "org.gan4j.bench..", "org.gan4j.perf..", "org.gan4j.engine..", "org.gan4j.cluster..",
            "org.gan4j.library..");

    static JavaClasses classes;

    @BeforeAll
    static void importMainCode() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gan4j");
    }

    @Test
    void pluginModulesImportNeitherCoreNorAnotherPlugin() {
        List<ArchRule> rules = new ArrayList<>();
        for (String plugin : PLUGINS) {
            List<String> forbidden = new ArrayList<>(List.of(CORE));
            PLUGINS.stream().filter(other -> !other.equals(plugin)).forEach(forbidden::add);
            rules.add(noClasses().that().resideInAPackage(plugin)
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("a plugin module depends on gan-api only"));
        }
        CompositeArchRule.of(rules).check(classes);
    }

    @Test
    void apiImportsNoOtherProjectPackage() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat(resideInAPackage("org.gan4j..").and(not(resideInAPackage(API))))
                .because("gan-api is the bottom layer every module builds on")
                .check(classes);
    }

    @Test
    void coreReferencesNoPluginPackage() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(PLUGINS.toArray(String[]::new))
                .because("gan-core names no variant; plugins are found through ServiceLoader")
                .check(classes);
    }

    @Test
    void modulesAboveCoreAreImportedByNeitherCoreNorPlugins() {
        String[] below = concat(List.of(API, CORE), PLUGINS);
        noClasses().that().resideInAnyPackage(below)
                .should().dependOnClassesThat(resideInAnyPackage(ABOVE_CORE.toArray(String[]::new)))
                .because("the CLI, bench, perf, engine and cluster modules use core, never the other way round")
                .check(classes);
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }
}
