package io.github.itsmejakarta.core.support;

import io.github.itsmejakarta.core.ItsmeClient;
import io.github.itsmejakarta.core.ItsmeClientBuilder;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.ServiceType;
import io.github.itsmejakarta.testkit.SimulatedClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** The simulator and client set-up shared by the flow tests. */
public final class Simulators {
    public static final String CLIENT_ID = "rp-flow-test";
    public static final String REDIRECT_URI = "http://127.0.0.1:9/app/itsme/callback";
    /** A second registered callback, for an application reached under two host names. */
    public static final String OTHER_REDIRECT_URI = "http://localhost:9/shop/itsme/callback";
    public static final String LOGIN = "LOGIN_CODE";
    public static final String SHARE = "SHARE_CODE";
    public static final String CONFIRM = "CONFIRM_CODE";
    public static final String DATA_SHARING = "DATA_SHARING_CODE";

    private Simulators() {
    }

    /** The RP as registered at the simulator, with these public keys. */
    public static SimulatedClient registration(String publicJwks) {
        return SimulatedClient.builder(CLIENT_ID).publicJwks(publicJwks).redirectUri(REDIRECT_URI)
                .redirectUri(OTHER_REDIRECT_URI)
                .service(LOGIN, ServiceType.LOGIN).service(SHARE, ServiceType.SHARE_DATA)
                .service(CONFIRM, ServiceType.CONFIRM).service(DATA_SHARING, ServiceType.DATA_SHARING).build();
    }

    /** A started simulator encrypting with {@code alg} and {@code enc}. */
    public static ItsmeSimulator start(RelyingPartyKeys keys, String alg, String enc) {
        return ItsmeSimulator.builder().port(0).client(registration(keys.publicJwkSetJson())).jweAlgorithm(alg)
                .contentEncryption(enc).build().start();
    }

    /** A started simulator with the defaults, on this clock. */
    public static ItsmeSimulator start(RelyingPartyKeys keys, Clock clock) {
        return ItsmeSimulator.builder().port(0).client(registration(keys.publicJwkSetJson())).clock(clock).build()
                .start();
    }

    /** A started simulator with the defaults (RSA-OAEP-256, A128CBC-HS256). */
    public static ItsmeSimulator start(RelyingPartyKeys keys) {
        return start(keys, "RSA-OAEP-256", "A128CBC-HS256");
    }

    /** A client builder for the simulator, short timeouts. */
    public static ItsmeClientBuilder client(ItsmeSimulator sim, RelyingPartyKeys keys) {
        return ItsmeClient.builder().discoveryUri(sim.discoveryUri()).clientId(CLIENT_ID).keys(keys)
                .redirectUri(URI.create(REDIRECT_URI)).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2)).clock(Clock.systemUTC());
    }
}
