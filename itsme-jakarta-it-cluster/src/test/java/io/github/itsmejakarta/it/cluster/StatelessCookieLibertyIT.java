package io.github.itsmejakarta.it.cluster;

import java.nio.file.Path;
import java.util.List;

import io.github.itsmejakarta.it.cluster.support.ServerProcess;
import io.github.itsmejakarta.it.cluster.support.StandaloneServers;

/**
 * {@link StatelessCookieScenarios} on Open Liberty: two servers of one installation, each in a user directory of its
 * own, no {@code sessionCache}.
 */
class StatelessCookieLibertyIT extends StatelessCookieScenarios {

    @Override
    String server() {
        return "liberty";
    }

    @Override
    int port(String node) {
        return Integer.getInteger("cluster.liberty." + node + ".port");
    }

    @Override
    ServerProcess instance(String node, Path work, List<Path> wars) throws Exception {
        return StandaloneServers.liberty(node, Path.of(System.getProperty("cluster.liberty.home")), work, port(node),
                wars);
    }
}
