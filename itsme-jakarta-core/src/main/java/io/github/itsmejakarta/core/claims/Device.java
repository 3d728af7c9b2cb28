package io.github.itsmejakarta.core.claims;

import java.io.Serializable;
import java.util.Map;

/**
 * itsme's {@code claim_device}: the phone the user approved on. Members itsme did not send are {@code null}; the id is
 * read from {@code deviceId} or {@code deviceID} (both seen), the model from {@code model} or {@code deviceModel}; booleans come as JSON booleans or as the strings
 * {@code "true"}/{@code "false"}. {@code raw} holds every member as it came, including those without an accessor.
 *
 * <p>Immutable and thread-safe.
 */
public record Device(String os, String appName, String appRelease, String deviceLabel, String deviceId,
        Boolean debugEnabled, String osRelease, String manufacturer, String model, Map<String, Object> raw)
        implements
            Serializable {
    public Device {
        raw = raw == null ? Map.of() : raw;
    }
}
