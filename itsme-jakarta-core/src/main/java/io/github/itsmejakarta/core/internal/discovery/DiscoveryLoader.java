package io.github.itsmejakarta.core.internal.discovery;

import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeProviderMetadata;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import io.github.itsmejakarta.core.internal.http.HttpResult;
import io.github.itsmejakarta.core.internal.http.ItsmeHttp;
import io.github.itsmejakarta.core.LoopbackUris;
import io.github.itsmejakarta.core.internal.http.SafeText;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

import java.net.URI;
import java.util.Map;

/**
 * Fetches and checks itsme's discovery document (OpenID Connect Discovery 1.0, 4): HTTP 200, a JSON object whose
 * {@code issuer} is exactly the expected one (Discovery 4.3: "MUST be identical"; checklist item 27) and that offers
 * what the client needs ({@link DiscoveryRequirements}). Each endpoint is checked once, by {@link #endpoint}, where
 * it is turned into a URI ({@link ProviderContext}, and the JWK set's source).
 *
 * <p>Thread-safe.
 */
public final class DiscoveryLoader {
    private final ItsmeHttp http;
    private final Jsonb jsonb;

    /** A loader using this HTTP client and JSON-B instance. */
    public DiscoveryLoader(ItsmeHttp http, Jsonb jsonb) {
        this.http = http;
        this.jsonb = jsonb;
    }

    /**
     * The checked document.
     *
     * @throws ItsmeCommunicationException ITSME-1101 (or 112x) when it cannot be fetched
     * @param requestUriConfigured whether the client serves request objects by reference
     * @throws ItsmeRejectedException ITSME-1102 when invalid, ITSME-1103 when the issuer differs
     * @throws ItsmeConfigurationException ITSME-1016 when itsme does not offer what the client needs
     */
    public ItsmeProviderMetadata load(URI discoveryUri, String expectedIssuer, boolean requestUriConfigured)
            throws ItsmeException {
        HttpResult result = http.get(discoveryUri, "discovery endpoint", Map.of("Accept", "application/json"));
        if (result.status() != 200) {
            throw new ItsmeCommunicationException(ItsmeMessage.DISCOVERY_UNAVAILABLE, discoveryUri,
                    "HTTP " + result.status());
        }
        ItsmeProviderMetadata metadata;
        try {
            metadata = jsonb.fromJson(result.bodyText(), ItsmeProviderMetadata.class);
        } catch (JsonbException | ClassCastException e) {
            throw new ItsmeRejectedException(ItsmeMessage.DISCOVERY_INVALID, e,
                    "not a JSON object of the expected shape");
        }
        if (metadata == null) {
            throw new ItsmeRejectedException(ItsmeMessage.DISCOVERY_INVALID, "empty");
        }
        if (!expectedIssuer.equals(metadata.issuer())) {
            throw new ItsmeRejectedException(ItsmeMessage.DISCOVERY_ISSUER_MISMATCH,
                    SafeText.description(metadata.issuer()), expectedIssuer);
        }
        if (!metadata.responseTypesSupported().isEmpty() && !metadata.responseTypesSupported().contains("code")) {
            throw new ItsmeRejectedException(ItsmeMessage.DISCOVERY_INVALID, "response type 'code' is not supported");
        }
        DiscoveryRequirements.check(metadata, requestUriConfigured);
        return metadata;
    }

    /** The endpoint as a URI, checked: present, absolute, https or http to loopback. */
    public static URI endpoint(String value, String name) throws ItsmeRejectedException {
        if (value == null || value.isBlank()) {
            throw new ItsmeRejectedException(ItsmeMessage.DISCOVERY_INVALID, name + " is missing");
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ItsmeRejectedException(ItsmeMessage.DISCOVERY_INVALID, name + " is not a URI");
        }
        if (!LoopbackUris.isSecureOrLoopback(uri) || uri.getRawFragment() != null) {
            throw new ItsmeRejectedException(ItsmeMessage.DISCOVERY_INVALID,
                    name + " must be an https URL without fragment");
        }
        return uri;
    }
}
