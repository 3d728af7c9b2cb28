package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;
import java.net.URI;

/**
 * Runs in {@link TelemetryFlowTest}'s class loader without OpenTelemetry, so it names no OpenTelemetry type itself.
 */
public final class TelemetryAbsentProbe {
    private TelemetryAbsentProbe() {
    }

    /** The automatic telemetry's class and a built client's class, or the failure. */
    public static String probe() {
        try {
            ItsmeClient client = ItsmeClient.builder().discovery(ItsmeEnvironment.E2E).clientId("c")
                    .keys(RelyingPartyKeys.generate()).redirectUri(URI.create("https://app.example/cb")).build();
            return ItsmeTelemetry.automatic().getClass().getSimpleName() + " " + client.getClass().getSimpleName();
        } catch (Throwable t) {
            return t.toString();
        }
    }
}
