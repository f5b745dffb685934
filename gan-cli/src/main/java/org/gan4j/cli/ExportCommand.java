package org.gan4j.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.gan4j.core.RunException;
import org.gan4j.library.Gan4j;
import org.gan4j.library.GeneratorException;
import org.gan4j.library.GeneratorManifest;
import org.gan4j.library.TrainedGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's generator alone: manifest.json and its parameters by name as little-endian "
                + "float32 files, loadable by the Java API (org.gan4j.library) on any engine.")
final class ExportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory")
    Path runDir;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "export folder: new, empty, or an earlier export (with --overwrite)")
    Path out;

    @Option(names = "--overwrite", description = "replace an earlier export in --out (only the export's own files)")
    boolean overwrite;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "checkpoint to export (default: the run's newest valid one; e.g. RUN_DIR/checkpoints/best.ckpt)")
    Path checkpoint;

    @Override
    public Integer call() {
        Gan4j gan = Gan4j.discover(GanCli.pluginFolders(spec));
        try (TrainedGenerator g = gan.openGenerator(checkpoint != null ? checkpoint : runDir)) {
            GeneratorManifest m = g.export(out, overwrite);
            System.out.println("wrote " + out + " (" + m.architecture().path("type").asText() + " generator, "
                    + m.parameters().size() + " parameters, latent " + m.latentDim() + ", samples "
                    + Arrays.toString(m.sampleShape()) + ", step " + m.provenance().step() + ")");
            return 0;
        } catch (GeneratorException e) {
            throw new RunException(e.getMessage(), e); // one line, exit code 1
        }
    }
}
