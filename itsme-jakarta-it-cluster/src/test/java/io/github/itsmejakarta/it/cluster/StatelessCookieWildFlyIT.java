package io.github.itsmejakarta.it.cluster;

import java.nio.file.Path;
import java.util.List;

import io.github.itsmejakarta.it.cluster.support.ServerProcess;
import io.github.itsmejakarta.it.cluster.support.StandaloneServers;
import io.github.itsmejakarta.it.cluster.support.StandaloneServers.WildFlyPorts;

/**
 * {@link StatelessCookieScenarios} on WildFly: two {@code standalone.sh} processes of one installation, each with its
 * own base directory and ports, the default (non-HA) {@code standalone.xml} with {@code integrated-jaspi=false}.
 */
class StatelessCookieWildFlyIT extends StatelessCookieScenarios {

    @Override
    String server() {
        return "wildfly";
    }

    @Override
    int port(String node) {
        return Integer.getInteger("cluster.wildfly." + node + ".port");
    }

    @Override
    ServerProcess instance(String node, Path work, List<Path> wars) throws Exception {
        WildFlyPorts ports = new WildFlyPorts(port(node), Integer.getInteger("cluster.wildfly." + node + ".https.port"),
                Integer.getInteger("cluster.wildfly." + node + ".management.port"));
        return StandaloneServers.wildfly(node, Path.of(System.getProperty("cluster.wildfly.home")), work, ports, wars);
    }
}
