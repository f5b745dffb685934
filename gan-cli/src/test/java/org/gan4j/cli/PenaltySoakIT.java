package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/gan perf --soak-penalty}, as a user runs it: with no {@code --engine} it trains on PyTorch (the
 * penalty needs second derivatives; it was refused on the default MXNet), under the launcher's pre-touched heap,
 * and records RSS at every logged step. A short soak (20 steps) only checks the plumbing, not the figure.
 */
class PenaltySoakIT {
    private static final Path GAN = Path.of("..", "bin", "gan").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theSoakRunsOnPyTorchWithoutBeingToldAndTracesRss() throws Exception {
        Path json = dir.resolve("soak.json");
        Path log = dir.resolve("gan.log");
        ProcessBuilder pb = new ProcessBuilder(GAN.toString(), "perf", "--soak-penalty", "--soak-steps", "20",
                "--work", dir.resolve("work").toString(), "--json", json.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().remove("GAN_JAVA_OPTS");
        Process p = pb.start();
        boolean done = p.waitFor(4, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(done, output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("RSS (MiB) by generator step: 10:"), output);
        assertTrue(output.contains("heap pre-touched: true"), "the launcher's heap for the soak: " + output);
        JsonNode soak = new ObjectMapper().readTree(json.toFile()).get("penalty_soak");
        assertEquals(10, soak.get("earlyStep").asLong(), soak.toString());
        assertEquals(20, soak.get("endStep").asLong(), soak.toString());
        assertEquals(2, soak.get("trace").size(), "a reading at steps 10 and 20: " + soak);
        assertTrue(soak.get("rssEarlyMib").asDouble() > 0, soak.toString());
    }
}
