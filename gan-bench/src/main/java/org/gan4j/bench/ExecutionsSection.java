package org.gan4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gan4j.api.support.AtomicFiles;

/**
 * The reports' "Executor" section: which executor ran this invocation and, per member, where its last attempt
 * ran and how many attempts it took (members skipped as complete say so). Appended to report.md and
 * report.html after they are rendered, so the report renderers stay as they are.
 */
final class ExecutionsSection {
    private ExecutionsSection() {}

    static void append(Path outDir, String executor, List<Member> members,
            Map<String, MemberExecutor.Execution> executions) throws IOException {
        StringBuilder md = new StringBuilder("\n## Executor\n\n").append(executor).append("\n\n")
                .append("| member | where | attempts | seconds |\n|---|---|---|---|\n");
        StringBuilder html = new StringBuilder("<h2>Executor</h2>\n<p>").append(esc(executor)).append("</p>\n")
                .append("<table>\n<tr><th>member</th><th>where</th><th>attempts</th><th>seconds</th></tr>\n");
        for (Member m : members) {
            MemberExecutor.Execution e = executions.get(m.id());
            String where = e == null ? "(complete before this run)" : e.where();
            String attempts = e == null ? "" : Integer.toString(e.attempts());
            String seconds = e == null ? "" : String.format(Locale.ROOT, "%.1f", e.seconds());
            md.append("| ").append(m.id()).append(" | ").append(where).append(" | ").append(attempts).append(" | ")
                    .append(seconds).append(" |\n");
            html.append("<tr><td>").append(esc(m.id())).append("</td><td>").append(esc(where)).append("</td><td>")
                    .append(attempts).append("</td><td>").append(seconds).append("</td></tr>\n");
        }
        html.append("</table>\n");
        Path mdFile = outDir.resolve("report.md");
        if (Files.exists(mdFile)) {
            AtomicFiles.writeString(mdFile, Files.readString(mdFile, StandardCharsets.UTF_8) + md);
        }
        Path htmlFile = outDir.resolve("report.html");
        if (Files.exists(htmlFile)) {
            String page = Files.readString(htmlFile, StandardCharsets.UTF_8);
            int end = page.lastIndexOf("</body>");
            AtomicFiles.writeString(htmlFile, end < 0 ? page + html : page.substring(0, end) + html + page.substring(end));
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
