package org.gan4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gan4j.core.GanFramework;
import org.gan4j.core.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matrix expansion: the cartesian product, labels, wildcards, several bases, and the invalid suites. */
class SuiteLoaderTest {
    static final String BASE = """
            seed: 7
            data: {type: ring, modes: 8, radius: 1.0, std: 0.01}
            latent: {dim: 2}
            model: {type: mlp, hidden: [8]}
            loss: {type: non-saturating}
            trainer: {steps: 50, batch_size: 32}
            """;

    static SuiteLoader loader;

    @TempDir
    Path dir;

    @BeforeAll
    static void framework() {
        GanFramework fw = GanFramework.discover();
        loader = new SuiteLoader(fw.configLoader(), fw.plugins().variants());
    }

    private Path suite(String text) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Files.writeString(dir.resolve("other.yaml"), BASE.replace("hidden: [8]", "hidden: [4, 4]"));
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void expandsTheCartesianProductWithSeedsAsRepetitions() throws IOException {
        Path file = suite("""
                base: base.yaml
                set: {trainer.steps: 40}
                matrix:
                  data: [ring, grid]
                  model.hidden: [[16, 16], [8]]
                  seed: [1, 2, 3]
                metrics: {modes_captured: max, mode_reverse_kl: min}
                """);
        Suite suite = loader.parse(file, List.of("eval.every=20"));
        assertEquals("suite", suite.name());
        assertEquals(List.of("trainer.steps=40", "eval.every=20"), suite.set());
        List<Member> members = loader.expand(suite);
        assertEquals(2 * 2 * 3, members.size());
        Member first = members.get(0);
        assertEquals("data=ring__model.hidden=16x16__seed=1", first.id());
        assertEquals("data=ring, model.hidden=16x16", first.variant());
        assertEquals("1", first.seedLabel());
        assertEquals(40, first.targetSteps());
        assertEquals(List.of("trainer.steps=40", "eval.every=20", "data={\"type\":\"ring\"}", "model.hidden=[16,16]",
                "seed=1"), first.overrides());
        Member last = members.get(members.size() - 1);
        assertEquals("data=grid__model.hidden=8__seed=3", last.id());
        assertEquals(4, members.stream().map(Member::variant).distinct().count());
        assertEquals(12, members.stream().map(Member::id).distinct().count());
        assertTrue(suite.metrics().get(0).higherIsBetter());
        assertEquals("min", suite.metrics().get(1).direction());
    }

    @Test
    void namedValuesWildcardsAndSeveralBases() throws IOException {
        Path file = suite("""
                name: mine
                base: [base.yaml, other.yaml]
                matrix:
                  model.hidden: {small: [4], big: [32, 32]}
                  loss.type: [minimax, "*"]
                """);
        List<Member> members = loader.expand(file, List.of());
        List<String> losses = members.stream().filter(m -> m.labels().get("base").equals("base")
                && m.labels().get("model.hidden").equals("small")).map(m -> m.labels().get("loss.type")).toList();
        assertEquals("minimax", losses.get(0));
        assertTrue(losses.containsAll(List.of("minimax", "non-saturating")), losses.toString());
        assertEquals(losses.size(), losses.stream().distinct().count(), "'*' does not repeat minimax");
        assertEquals(2 * 2 * losses.size(), members.size());
        Member m = members.get(0);
        assertEquals(Map.of("base", "base", "model.hidden", "small", "loss.type", "minimax"), m.labels());
        assertEquals("base=base__model.hidden=small__loss.type=minimax", m.id());
        assertEquals("7", m.seedLabel(), "without a seed axis the config's seed names the run");
        assertTrue(members.stream().anyMatch(x -> x.base().getFileName().toString().equals("other.yaml")));
    }

    @Test
    void anUnknownKeyInTheMatrixNamesTheSuiteFileLineAndKey() throws IOException {
        Path file = suite("""
                base: base.yaml
                matrix:
                  seed: [1, 2]
                  loss.typo: [1]
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.expand(file, List.of()));
        assertTrue(e.getMessage().startsWith(file + ":4:3: matrix.loss.typo: "), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'typo'"), e.getMessage());
    }

    @Test
    void aValueTheExperimentRejectsIsAnErrorBeforeAnythingRuns() throws IOException {
        Path file = suite("""
                base: base.yaml
                matrix:
                  trainer.batch_size: [32, -3]
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.expand(file, List.of()));
        assertTrue(e.getMessage().startsWith(file + ":3:3: matrix.trainer.batch_size: "), e.getMessage());
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
    }

    @Test
    void emptyListsAndOtherMalformedSuitesAreRejected() throws IOException {
        ConfigException empty = assertThrows(ConfigException.class, () -> loader.parse(suite("""
                base: base.yaml
                matrix:
                  seed: []
                """), List.of()));
        assertTrue(empty.getMessage().contains("suite.yaml:3:3: matrix.seed: empty list"), empty.getMessage());

        ConfigException unknown = assertThrows(ConfigException.class, () -> loader.parse(suite("""
                base: base.yaml
                matrx: {seed: [1]}
                """), List.of()));
        assertTrue(unknown.getMessage().contains("suite.yaml:2:1: unknown key 'matrx'; accepted keys here: [base, "
                + "description, matrix, metrics, name, seed_key, set]"), unknown.getMessage());

        ConfigException scalar = assertThrows(ConfigException.class, () -> loader.parse(suite("""
                base: base.yaml
                matrix: {seed: 3}
                """), List.of()));
        assertTrue(scalar.getMessage().contains("matrix.seed: expected a list"), scalar.getMessage());

        ConfigException twice = assertThrows(ConfigException.class, () -> loader.parse(suite("""
                base: base.yaml
                matrix: {seed: [1, 1]}
                """), List.of()));
        assertTrue(twice.getMessage().contains("appears twice"), twice.getMessage());

        ConfigException noBase = assertThrows(ConfigException.class, () -> loader.parse(suite("""
                base: missing.yaml
                """), List.of()));
        assertTrue(noBase.getMessage().contains("suite.yaml:1:7: base: missing.yaml: no such file"), noBase.getMessage());

        ConfigException direction = assertThrows(ConfigException.class, () -> loader.parse(suite("""
                base: base.yaml
                metrics: {modes_captured: most}
                """), List.of()));
        assertTrue(direction.getMessage().contains("suite.yaml:2:27: metrics.modes_captured: expected max or min "
                + "(which direction is better), got 'most'"),
                direction.getMessage());

        ConfigException secondBase = assertThrows(ConfigException.class, () -> loader.parse(suite("""
                base:
                  - base.yaml
                  - gone.yaml
                """), List.of()));
        assertTrue(secondBase.getMessage().contains("suite.yaml:3:5: base: gone.yaml: no such file"),
                secondBase.getMessage());

        ConfigException wrongKind = assertThrows(ConfigException.class, () -> loader.parse(suite("""
                base: base.yaml
                matrix: [seed]
                """), List.of()));
        assertTrue(wrongKind.getMessage().contains("suite.yaml:2:9: matrix: expected a mapping"), wrongKind.getMessage());

        ConfigException noValue = assertThrows(ConfigException.class, () -> loader.parse(suite("""
                base: base.yaml
                seed_key:
                """), List.of()));
        assertTrue(noValue.getMessage().contains("suite.yaml:2:"), noValue.getMessage());
        assertTrue(noValue.getMessage().contains("seed_key: has no value"), noValue.getMessage());

        ConfigException malformed = assertThrows(ConfigException.class, () -> loader.parse(suite("""
                base: base.yaml
                matrix: {seed: [1, 2}
                """), List.of()));
        assertTrue(malformed.getMessage().startsWith(dir.resolve("suite.yaml") + ":2:"), malformed.getMessage());
        assertTrue(malformed.getMessage().contains("malformed YAML"), malformed.getMessage());

        ConfigException emptyFile = assertThrows(ConfigException.class, () -> loader.parse(suite(""), List.of()));
        assertTrue(emptyFile.getMessage().contains("suite.yaml: the file is empty; expected a mapping with the keys "
                + "[base, description, matrix, metrics, name, seed_key, set]"), emptyFile.getMessage());

        ConfigException wildcard = assertThrows(ConfigException.class, () -> loader.expand(suite("""
                base: base.yaml
                matrix: {seed: ["*"]}
                """), List.of()));
        assertTrue(wildcard.getMessage().contains("works only for a 'type' key"), wildcard.getMessage());
    }

    @Test
    void theBuiltInSuitesExpandAndValidate() {
        Path benchmarks = Path.of("..", "benchmarks");
        List<Member> mixtures = loader.expand(benchmarks.resolve("mixtures.yaml"), List.of());
        assertEquals(10, mixtures.size());
        assertEquals(2, mixtures.stream().map(Member::variant).distinct().count());
        List<Member> losses = loader.expand(benchmarks.resolve("losses.yaml"), List.of());
        assertTrue(losses.size() >= 2 * 2 * 3, "two bases x at least two losses x three seeds");
        assertEquals(0, losses.size() % 6);
        List<Member> pacgan = loader.expand(benchmarks.resolve("pacgan-table1.yaml"), List.of());
        assertEquals(2 * 4 * 3, pacgan.size(), "ring and grid x packing 1-4 x three seeds");
        assertEquals(8, pacgan.stream().map(Member::variant).distinct().count());
        List<Member> stabilizers = loader.expand(benchmarks.resolve("stabilizers.yaml"), List.of());
        List<Member> stabilizersShort = loader.expand(benchmarks.resolve("stabilizers-short.yaml"), List.of());
        assertEquals(2 * 5 * 2 * 3, stabilizers.size(), "two architectures x five variants x two losses x three seeds");
        assertEquals(stabilizers.size() / 3, stabilizersShort.size(), "the short suite is the same matrix, one seed");
        assertEquals(stabilizers.stream().map(Member::variant).distinct().toList(),
                stabilizersShort.stream().map(Member::variant).distinct().toList());
    }
}
