package org.gan4j.cluster.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.bench.Bench;
import org.gan4j.bench.ClusterExecutorProvider;
import org.gan4j.bench.MemberResult;
import org.gan4j.core.GanFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input of {@code gan bench --master} that needs Spark running (the others are in BadInputCatalogTest). */
class SparkBadInputTest {
    @TempDir
    Path dir;

    @Test
    void aWorkerWithoutTheDistributionFailsItsMembersWithOneLine() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), SparkClusterTest.BASE);
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, "name: nodist\nbase: base.yaml\nmatrix: {seed: [1, 2]}\n");
        Path missing = dir.resolve("opt/gan4j/lib");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        ClusterExecutorProvider.Options options = new ClusterExecutorProvider.Options("local[2,2]", null, 1,
                List.of("-Xmx256m"), List.of(), missing + "/*");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Bench.Outcome outcome = new Bench(GanFramework.discover()).run(suite, List.of(), dir.resolve("out"),
                new SparkExecutorProvider().create(options), "gan bench suite.yaml --master local[2,2]",
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(2, outcome.failed(), log.toString());
        for (MemberResult r : outcome.results()) {
            assertEquals(MemberResult.Status.FAILED, r.status());
            assertTrue(r.error().startsWith("worker "), r.error());
            assertTrue(r.error().endsWith(" has no gan4j distribution: " + missing + " does not exist there; unpack "
                    + "the gan4j archive at the same path on every worker"), r.error());
        }
        assertTrue(Files.readString(dir.resolve("out/report.md")).contains("no gan4j distribution"));
    }

    @Test
    void masterUrlsAreCheckedBeforeSparkStarts() {
        assertEquals(List.of(), MasterUrl.parse("local[2,3]"));
        assertEquals(List.of(), MasterUrl.parse("local[*]"));
        assertEquals(2, MasterUrl.parse("spark://a:7077,b.example:7078").size());
        assertEquals(3, MasterUrl.attempts("local[2,3]", 4));
        assertEquals(1, MasterUrl.attempts("local[2]", 4));
        assertEquals(4, MasterUrl.attempts("spark://a:7077", 4));
        for (String bad : List.of("", "spark://", "spark://host", "spark://host:0", "spark://host:99999",
                "local[0]", "local[2,]", "mesos://x:5050", "spark:/h:7077", "sparks://h:1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterUrl.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--master '" + bad + "' is not a Spark master URL; use spark://"),
                    e.getMessage());
        }
    }
}
