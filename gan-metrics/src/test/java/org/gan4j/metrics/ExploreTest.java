package org.gan4j.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.core.ExperimentRunner;
import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void explore() throws Exception {
        for (String name : System.getProperty("explore", "").split(",")) {
            if (name.isEmpty()) continue;
            Path out = Path.of("/tmp/explore", name);
            if (Files.exists(out)) {
                try (var w = Files.walk(out)) { w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
            }
            long t = System.nanoTime();
            String[] sets = System.getProperty("sets", "").isEmpty() ? new String[0] : System.getProperty("sets").split(";");
            ExperimentRunner.Result r = Experiments.run(Experiments.THEORY.resolve(name + ".yaml"), out, sets);
            System.out.printf("%s %.1fs %s%n", name, (System.nanoTime() - t) / 1e9, r.summary().finalMetrics());
            System.out.println(Files.readString(out.resolve("eval.csv")));
        }
    }
}
