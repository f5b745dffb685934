package org.gan4j.cluster.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gan4j.core.RunException;

/**
 * Checks {@code --master} before Spark is started: a malformed URL (IllegalArgumentException) and a
 * standalone master that cannot be reached (RunException) each get one line (Spark itself would retry for a minute and then fail with a stack trace).
 */
final class MasterUrl {
    static final String ACCEPTED = "spark://HOST:PORT[,HOST:PORT...], local, local[N], local[*], local[N,F] "
            + "(N threads, F attempts per task), yarn or k8s://https://HOST:PORT";
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?])?");
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9a-fA-F:]+]):(\\d{1,5})");

    private MasterUrl() {}

    /** The standalone masters' addresses (empty for local, yarn and k8s); throws on a malformed URL. */
    static List<InetSocketAddress> parse(String master) {
        if (master == null || master.isBlank()) {
            throw malformed(master);
        }
        if (LOCAL.matcher(master).matches() || master.equals("yarn") || master.startsWith("k8s://")
                && master.length() > "k8s://".length()) {
            return List.of();
        }
        if (!master.startsWith("spark://")) {
            throw malformed(master);
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String hp : master.substring("spark://".length()).split(",", -1)) {
            Matcher m = HOST_PORT.matcher(hp);
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                throw malformed(master);
            }
            String host = m.group(1).replaceAll("^\\[|]$", "");
            addresses.add(InetSocketAddress.createUnresolved(host, Integer.parseInt(m.group(2))));
        }
        return addresses;
    }

    /** The attempts a task gets: F of local[N,F] (1 in other local modes), else {@code spark.task.maxFailures}. */
    static int attempts(String master, int maxFailures) {
        Matcher m = LOCAL.matcher(master);
        if (!m.matches()) {
            return maxFailures;
        }
        return m.group(3) == null ? 1 : Integer.parseInt(m.group(3).substring(1));
    }

    /** Fails unless at least one standalone master accepts a connection within {@code timeoutMillis}. */
    static void checkReachable(String master, int timeoutMillis) {
        List<InetSocketAddress> addresses = parse(master);
        if (addresses.isEmpty()) {
            return;
        }
        String reason = "";
        for (InetSocketAddress a : addresses) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), timeoutMillis);
                return;
            } catch (IOException e) {
                reason = a.getHostString() + ":" + a.getPort() + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            }
        }
        throw new RunException("cannot reach the Spark master of --master " + master + " at " + reason
                + "; start it (see the README's cluster section) or correct --master");
    }

    private static IllegalArgumentException malformed(String master) {
        return new IllegalArgumentException("--master '" + master + "' is not a Spark master URL; use " + ACCEPTED);
    }
}
