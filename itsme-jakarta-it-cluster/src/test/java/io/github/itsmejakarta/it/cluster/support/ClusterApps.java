package io.github.itsmejakarta.it.cluster.support;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.cluster.app.ItsmeSetup;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.ServiceType;
import io.github.itsmejakarta.testkit.SimulatedClient;

/**
 * The test application (package {@code io.github.itsmejakarta.it.cluster.app}) as one WAR per login-state mode, the
 * WAR's name its context root: the same file deployed on every node, configured for the public URL behind the proxy
 * ({@code itsme.redirect-uri} is {@code https://<proxy>/<mode>/itsme/callback}), request objects by reference. The
 * same client is registered at the simulator, which fetches the application's keys from its JWK set URL through the
 * proxy, as itsme would.
 */
public final class ClusterApps {

    public static final String LOGIN_CODE = "LOGIN_CODE";

    private ClusterApps() {
    }

    public static String clientId(String mode) {
        return mode + "-client";
    }

    public static URI base(URI proxy, String mode) {
        return proxy.resolve("/" + mode + "/");
    }

    /** Builds the WAR of {@code mode} into {@code dir} and registers its client at the simulator. */
    public static Path build(String mode, URI proxy, ItsmeSimulator simulator, Map<String, String> extra, Path dir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("itsme.login-state", mode);
        settings.put("itsme.request-object", "reference");
        settings.putAll(extra);
        return build(mode, base(proxy, mode), RelyingPartyKeys.generate(), simulator, settings, dir);
    }

    /**
     * Builds the WAR {@code <name>.war} into {@code dir}, for an application whose public base URL is {@code base}
     * (its callback {@code <base>itsme/callback}, its JWK set {@code <base>itsme/jwks}), with client id
     * {@code <name>-client} and {@code keys}, plus {@code settings}; registers the client at the simulator.
     */
    public static Path build(String name, URI base, RelyingPartyKeys keys, ItsmeSimulator simulator,
            Map<String, String> settings, Path dir) {
        URI callback = base.resolve("itsme/callback");
        simulator.registerClient(SimulatedClient.builder(clientId(name)).redirectUri(callback.toString())
                .service(LOGIN_CODE, ServiceType.LOGIN).jwksUri(base.resolve("itsme/jwks")).build());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("itsme.discovery-uri", simulator.discoveryUri().toString());
        config.put("itsme.client-id", clientId(name));
        config.put("itsme.service-code", LOGIN_CODE);
        config.put("itsme.private-jwks", keys.privateJwkSetJson());
        config.put("itsme.redirect-uri", callback.toString());
        config.put("itsme.scopes", "profile");
        config.put("itsme.default-groups", "user");
        config.putAll(settings);
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(new StringAsset(
                        "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"annotated\"/>"),
                        "beans.xml")
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties")
                .addPackage(ItsmeSetup.class.getPackage())
                .setWebXML(ClusterApps.class.getResource("/cluster-app/web.xml")).addAsLibraries(libraries());
        Path file = dir.resolve(name + ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    static File[] libraries() {
        String dir = System.getProperty("cluster.war.lib");
        File[] jars = dir == null ? null : new File(dir).listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no library jars in cluster.war.lib=" + dir + ": run with mvn verify");
        }
        Arrays.sort(jars);
        return jars;
    }

    static String properties(Map<String, String> config) {
        Properties properties = new Properties();
        new TreeMap<>(config).forEach((k, v) -> properties.setProperty(k, Objects.requireNonNull(v, k)));
        StringWriter out = new StringWriter();
        try {
            properties.store(out, "generated for this deployment by the test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
