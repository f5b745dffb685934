package org.gan4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One report model, two renderers: report.md and report.html say the same things (summary rows, failures,
 * the same charts and samples), the HTML inlines exactly the files the Markdown links, and has no scripts.
 */
class ReportRenderTest {
    @TempDir
    Path out;

    private final List<Suite.MetricSpec> metrics = List.of(new Suite.MetricSpec("modes_captured", true),
            new Suite.MetricSpec("mode_reverse_kl", false));

    /** ring and grid: two complete seeds each (samples, curves); broken: two failed seeds. */
    private List<MemberResult> results() throws IOException {
        List<MemberResult> results = new ArrayList<>();
        int k = 0;
        for (String v : List.of("ring", "grid", "broken")) {
            for (String seed : List.of("1", "2")) {
                k++;
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("data", v);
                labels.put("seed", seed);
                Member m = new Member("data=" + v + "__seed=" + seed, Path.of("base.yaml"), List.of(), labels,
                        "data=" + v, seed, 100);
                Path run = out.resolve("runs").resolve(m.id());
                Files.createDirectories(run);
                boolean ok = !v.equals("broken");
                Map<String, Double> finals = new LinkedHashMap<>();
                Map<String, MemberResult.Curve> curves = new LinkedHashMap<>();
                if (ok) {
                    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                    img.setRGB(k, 1, 0xff0000);
                    ImageIO.write(img, "png", run.resolve("samples.png").toFile());
                    finals.put("modes_captured", 5.0 + k);
                    finals.put("mode_reverse_kl", 0.1 * k);
                    curves.put("modes_captured", new MemberResult.Curve(new double[] {50, 100}, new double[] {k, 5 + k}));
                    curves.put("mode_reverse_kl", new MemberResult.Curve(new double[] {50, 100},
                            new double[] {Double.NaN, 0.1 * k}));
                }
                results.add(new MemberResult(m, run, ok ? MemberResult.Status.COMPLETE : MemberResult.Status.FAILED,
                        ok ? 100 : 0, 12.5 * k, 13.0, finals, finals, Map.of(), curves, Map.of(),
                        ok ? "" : "exit 2: data.path: no-such-folder <here>"));
            }
        }
        return results;
    }

    @Test
    void markdownAndHtmlRenderTheSameModel() throws IOException {
        Suite suite = new Suite(out.resolve("suite.yaml"), "tiny <one>", "Two rings.", List.of(Path.of("base.yaml")),
                List.of(), List.of(), metrics, "seed");
        ReportWriter writer = new ReportWriter(out, suite, results());
        Path htmlFile = writer.write("gan bench tiny.yaml", 3.0);
        ReportModel model = writer.model("gan bench tiny.yaml", 3.0);
        String md = Files.readString(out.resolve("report.md"));
        String html = Files.readString(htmlFile);

        // The model: bars only for variants with a value, error bars the standard error over seeds.
        assertEquals(4, model.complete());
        assertEquals(2, model.bars().size());
        ReportModel.BarChart modes = model.bars().get(0);
        assertEquals(List.of("V1", "V2"), modes.names(), "the failed variant has no bar");
        assertEquals(List.of(6.5, 8.5), modes.means());
        assertEquals(0.5, modes.errors().get(0), 1e-12);
        assertEquals(List.of(50.0, 100.0), model.variants().get(0).curves().get(0).series().get(0).steps());
        assertEquals(List.of(100.0), model.variants().get(0).curves().get(1).series().get(0).steps(), "NaN left out");
        assertEquals("6.500 ± 0.500 (n=2)", model.summary().get(0).finals().get(0));
        assertEquals("2 (7)", model.summary().get(0).bestSeed(), "modes_captured, the first metric, is maximised");
        assertEquals("0/2", model.summary().get(2).seeds());

        // Both renderings carry every summary row and failure.
        for (ReportModel.SummaryRow row : model.summary()) {
            assertTrue(md.contains("| " + row.shortName() + " | " + row.variant() + " | " + row.seeds() + " | "
                    + String.join(" | ", row.finals()) + " | " + row.bestSeed() + " |"), md);
            StringBuilder cells = new StringBuilder("<td>" + row.seeds() + "</td>");
            row.finals().forEach(f -> cells.append("<td>").append(f).append("</td>"));
            assertTrue(html.contains(row.variant() + "</td>" + cells), html);
        }
        assertTrue(md.contains("- `data=broken__seed=1`: failed — exit 2: data.path: no-such-folder <here>"), md);
        assertTrue(html.contains("<code>data=broken__seed=1</code>: failed — exit 2: data.path: no-such-folder "
                + "&lt;here&gt;</li>"), "HTML escapes what the Markdown shows as written");
        assertTrue(md.startsWith("# Benchmark: tiny <one>\n\nTwo rings.\n\n```\ngan bench tiny.yaml\n```"), md);
        assertTrue(html.contains("<h1>Benchmark: tiny &lt;one&gt;</h1>\n<p>Two rings.</p>"), html);

        // The same images, in the same order: Markdown links the files, HTML inlines their bytes.
        List<String> linked = new ArrayList<>();
        Matcher link = Pattern.compile("!\\[\\]\\(([^)]*)\\)|<img src=\"([^\"]*)\"").matcher(md);
        while (link.find()) {
            linked.add(link.group(1) != null ? link.group(1) : link.group(2));
        }
        assertEquals(2 + 2 * 2 + 4, linked.size(), "bars, two curves per complete variant, four samples: " + linked);
        assertFalse(html.contains("<script"));
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int i = 0;
        while (src.find()) {
            String uri = src.group(1);
            assertTrue(uri.startsWith("data:image/png;base64,"), uri);
            byte[] inlined = Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()));
            assertArrayEquals(Files.readAllBytes(out.resolve(linked.get(i))), inlined, linked.get(i));
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(inlined));
            assertTrue(decoded.getWidth() >= 8, linked.get(i));
            i++;
        }
        assertEquals(linked.size(), i);
        assertTrue(linked.get(0).equals("report/bar-modes_captured.png"), linked.toString());
        assertTrue(linked.contains("runs/data=grid__seed=2/samples.png"), linked.toString());
        BufferedImage bar = ImageIO.read(out.resolve("report/bar-modes_captured.png").toFile());
        assertEquals(380, bar.getHeight());
    }
}
