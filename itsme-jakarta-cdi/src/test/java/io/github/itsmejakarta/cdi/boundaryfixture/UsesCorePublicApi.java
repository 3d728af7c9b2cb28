package io.github.itsmejakarta.cdi.boundaryfixture;

import io.github.itsmejakarta.core.LoopbackUris;

/** The accepting twin of {@link ReachesIntoCoreInternals}: the same kind of use, through core's public API. */
public final class UsesCorePublicApi {
    private UsesCorePublicApi() {
    }

    static boolean loopback(String host) {
        return LoopbackUris.isLoopbackHost(host);
    }
}
