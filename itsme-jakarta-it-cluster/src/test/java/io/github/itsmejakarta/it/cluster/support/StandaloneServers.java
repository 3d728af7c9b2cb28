package io.github.itsmejakarta.it.cluster.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Separately started, unclustered instances of one server installation: each its own process, configuration
 * directory, ports and copy of the WARs; nothing shared but the installation's read-only files. Loopback only.
 */
public final class StandaloneServers {

    private StandaloneServers() {
    }

    /** The HTTP, HTTPS and management ports of one WildFly instance. */
    public record WildFlyPorts(int http, int https, int management) {
    }

    /**
     * A WildFly instance: {@code bin/standalone.sh} with its own base directory ({@code -Djboss.server.base.dir}, a copy
     * of the installation's {@code standalone/configuration}, which the build configured with
     * {@code integrated-jaspi=false}), its own ports, bound to 127.0.0.1, the WARs in its {@code deployments} directory.
     */
    public static ServerProcess wildfly(String node, Path home, Path work, WildFlyPorts ports, List<Path> wars)
            throws IOException {
        Path base = work.resolve("wildfly-" + node);
        ServerProcess.deleteTree(base);
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Path deployments = Files.createDirectories(base.resolve("deployments"));
        for (Path war : wars) {
            Files.copy(war, deployments.resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Path tmp = Files.createDirectories(base.resolve("java-tmp"));
        String javaOpts = String.join(" ", jvmOptions()) + " -Xmx512m -Djava.io.tmpdir=" + tmp
                + " -Djava.net.preferIPv4Stack=true -Dcluster.node=" + node;
        List<String> command = List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.http.port=" + ports.http(), "-Djboss.https.port=" + ports.https(),
                "-Djboss.management.http.port=" + ports.management());
        return new ServerProcess("wildfly-" + node, command,
                Map.of("JAVA_OPTS", javaOpts, "JAVA_HOME", System.getProperty("java.home")),
                work.resolve("wildfly-" + node + ".log"), List.of(base.resolve("log/server.log")));
    }

    /**
     * An Open Liberty instance: server {@code node-<node>} in a user directory of its own ({@code WLP_USER_DIR}), started
     * with {@code bin/server run}; its {@code server.xml} has the features of itsme-jakarta-it's Liberty server and an
     * HTTP endpoint on 127.0.0.1 only, the WARs in {@code dropins}.
     */
    public static ServerProcess liberty(String node, Path home, Path work, int httpPort, List<Path> wars)
            throws IOException {
        Path user = work.resolve("liberty-" + node);
        ServerProcess.deleteTree(user);
        String serverName = "node-" + node;
        Path server = Files.createDirectories(user.resolve("servers").resolve(serverName));
        Files.writeString(server.resolve("server.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <server description="itsme-jakarta-it-cluster, instance %1$s">
                  <featureManager>
                    <feature>servlet-6.0</feature>
                    <feature>cdi-4.0</feature>
                    <feature>appSecurity-5.0</feature>
                    <feature>mpConfig-3.1</feature>
                    <feature>restfulWS-3.1</feature>
                    <feature>jsonp-2.1</feature>
                    <feature>jsonb-3.0</feature>
                  </featureManager>
                  <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%2$d" httpsPort="-1"/>
                  <applicationManager autoExpand="true"/>
                  <applicationMonitor updateTrigger="mbean" dropinsEnabled="true"/>
                </server>
                """.formatted(node, httpPort));
        Path tmp = Files.createDirectories(user.resolve("java-tmp"));
        List<String> options = new ArrayList<>(jvmOptions());
        options.addAll(List.of("-Xmx384m", "-Djava.io.tmpdir=" + tmp, "-Djava.net.preferIPv4Stack=true",
                "-Dcluster.node=" + node));
        Files.write(server.resolve("jvm.options"), options);
        Path dropins = Files.createDirectories(server.resolve("dropins"));
        for (Path war : wars) {
            Files.copy(war, dropins.resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return new ServerProcess("liberty-" + node, List.of(home.resolve("bin/server").toString(), "run", serverName),
                Map.of("WLP_USER_DIR", user.toString(), "JAVA_HOME", System.getProperty("java.home")),
                work.resolve("liberty-" + node + ".log"), List.of(server.resolve("logs/messages.log")));
    }

    /** The suite's JVM options for servers ({@code cluster.server.jvm}) without a heap size: each server sets its own. */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        for (String opt : System.getProperty("cluster.server.jvm", "").trim().split("\\s+")) {
            if (!opt.isEmpty() && !opt.startsWith("-Xmx")) {
                options.add(opt);
            }
        }
        return options;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
