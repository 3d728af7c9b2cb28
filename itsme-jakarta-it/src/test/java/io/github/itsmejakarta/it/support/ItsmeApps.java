package io.github.itsmejakarta.it.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.app.ItsmeSetup;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.ServiceType;
import io.github.itsmejakarta.testkit.SimulatedClient;

/**
 * The test application (package {@code io.github.itsmejakarta.it.app}) as a WAR, configured for one deployment:
 * the simulator's discovery URI with its port, a client id of its own, freshly generated keys inline, and the
 * redirect URI with the server's port. The same client is registered at the simulator.
 */
public final class ItsmeApps {

    public static final String LOGIN_CODE = "LOGIN_CODE";
    public static final String SHARE_CODE = "SHARE_CODE";
    public static final String CONFIRM_CODE = "CONFIRM_CODE";

    private ItsmeApps() {
    }

    public static String clientId(String name) {
        return name + "-client";
    }

    public static URI callback(String name) {
        return Server.base(name).resolve("itsme/callback");
    }

    /** The settings every test application shares; tests add or replace keys. */
    public static Map<String, String> config(String name, URI discovery, RelyingPartyKeys keys) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("itsme.discovery-uri", discovery.toString());
        config.put("itsme.client-id", clientId(name));
        config.put("itsme.service-code", LOGIN_CODE);
        config.put("itsme.share-data-service-code", SHARE_CODE);
        config.put("itsme.confirm-service-code", CONFIRM_CODE);
        config.put("itsme.private-jwks", keys.privateJwkSetJson());
        config.put("itsme.redirect-uri", callback(name).toString());
        config.put("itsme.scopes", "profile eid address");
        config.put("itsme.default-groups", "user");
        return config;
    }

    /** Registers the application at the simulator: its public keys given inline, as at onboarding. */
    public static void register(ItsmeSimulator simulator, String name, RelyingPartyKeys keys) {
        simulator.registerClient(client(name).publicJwks(keys.publicJwkSetJson()).build());
    }

    /** Registers the application at the simulator, which fetches the keys from the application's JWK set URL. */
    public static void registerWithJwksUri(ItsmeSimulator simulator, String name) {
        simulator.registerClient(client(name).jwksUri(Server.base(name).resolve("itsme/jwks")).build());
    }

    private static SimulatedClient.Builder client(String name) {
        return SimulatedClient.builder(clientId(name)).redirectUri(callback(name).toString())
                .service(LOGIN_CODE, ServiceType.LOGIN).service(SHARE_CODE, ServiceType.SHARE_DATA)
                .service(CONFIRM_CODE, ServiceType.CONFIRM);
    }

    public static WebArchive war(String name, Map<String, String> config) {
        return Wars.war(name, config).addPackage(ItsmeSetup.class.getPackage())
                .setWebXML(ItsmeApps.class.getResource("/itsme-app/web.xml"));
    }
}
