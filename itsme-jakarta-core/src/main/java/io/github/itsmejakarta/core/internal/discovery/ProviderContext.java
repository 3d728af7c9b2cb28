package io.github.itsmejakarta.core.internal.discovery;

import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeProviderMetadata;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import io.github.itsmejakarta.core.internal.jose.ItsmeJwks;
import io.github.itsmejakarta.core.internal.jose.ItsmeTokenProcessor;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything learnt from itsme's discovery document, built once per client: the endpoints, the key source, the token
 * processor and the request object algorithms. Nothing here is fetched again per login.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProviderContext {
    /** The JWE key management algorithms itsme may use, preferred first (itsme JOSE page). */
    public static final List<String> JWE_ALGORITHMS = List.of("RSA-OAEP-256", "RSA-OAEP");
    /** The content encryptions accepted when advertised, preferred first. */
    public static final List<String> CONTENT_ENCRYPTIONS = List.of("A128CBC-HS256", "A256CBC-HS512", "A128GCM",
            "A256GCM");

    private final ItsmeProviderMetadata metadata;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final URI userinfoEndpoint;
    private final ItsmeJwks jwks;
    private final ItsmeTokenProcessor processor;
    private final String requestObjectAlgorithm;
    private final String requestObjectEncryption;

    /** Assembles the context; the metadata must have passed {@link DiscoveryLoader}'s checks. */
    public ProviderContext(ItsmeProviderMetadata metadata, ItsmeJwks jwks, ItsmeTokenProcessor processor)
            throws ItsmeException {
        this.metadata = metadata;
        this.authorizationEndpoint = DiscoveryLoader.endpoint(metadata.authorizationEndpoint(),
                "authorization_endpoint");
        this.tokenEndpoint = DiscoveryLoader.endpoint(metadata.tokenEndpoint(), "token_endpoint");
        this.userinfoEndpoint = metadata.userinfoEndpoint() == null
                ? null
                : DiscoveryLoader.endpoint(metadata.userinfoEndpoint(), "userinfo_endpoint");
        this.jwks = jwks;
        this.processor = processor;
        this.requestObjectAlgorithm = metadata.requestObjectEncryptionAlgValuesSupported().contains("RSA-OAEP-256")
                ? "RSA-OAEP-256"
                : "RSA-OAEP";
        this.requestObjectEncryption = CONTENT_ENCRYPTIONS.stream()
                .filter(metadata.requestObjectEncryptionEncValuesSupported()::contains).findFirst()
                .orElse("A128CBC-HS256");
    }

    /**
     * The JWE algorithms accepted on ID tokens and userinfo: RSA-OAEP-256 and RSA-OAEP, narrowed to those discovery
     * advertises when it lists any.
     */
    public static Set<String> allowedJweAlgorithms(ItsmeProviderMetadata m) {
        return narrow(JWE_ALGORITHMS, m.idTokenEncryptionAlgValuesSupported(),
                m.userinfoEncryptionAlgValuesSupported());
    }

    /** The content encryptions accepted: the four allowed ones, narrowed to those advertised when any are. */
    public static Set<String> allowedContentEncryptions(ItsmeProviderMetadata m) {
        return narrow(CONTENT_ENCRYPTIONS, m.idTokenEncryptionEncValuesSupported(),
                m.userinfoEncryptionEncValuesSupported());
    }

    private static Set<String> narrow(List<String> allowed, List<String> a, List<String> b) {
        Set<String> advertised = new LinkedHashSet<>(a);
        advertised.addAll(b);
        Set<String> result = new LinkedHashSet<>();
        for (String s : allowed) {
            if (advertised.isEmpty() || advertised.contains(s)) {
                result.add(s);
            }
        }
        return Set.copyOf(result.isEmpty() ? allowed : result);
    }

    public ItsmeProviderMetadata metadata() {
        return metadata;
    }

    public URI authorizationEndpoint() {
        return authorizationEndpoint;
    }

    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** The userinfo endpoint, or {@code null} when discovery names none. */
    public URI userinfoEndpoint() {
        return userinfoEndpoint;
    }

    public ItsmeTokenProcessor processor() {
        return processor;
    }

    /** RSA-OAEP-256 when discovery lists it for request objects, else RSA-OAEP. */
    public String requestObjectAlgorithm() {
        return requestObjectAlgorithm;
    }

    /** The first allowed content encryption that discovery lists for request objects, else A128CBC-HS256. */
    public String requestObjectEncryption() {
        return requestObjectEncryption;
    }

    /**
     * itsme's encryption key for request objects, from the cached JWK set.
     *
     * @throws ItsmeRejectedException ITSME-1111 when itsme publishes no usable {@code use: enc} key
     */
    public ItsmeJwks.EncryptionKey encryptionKey() throws ItsmeException {
        return jwks.encryptionKey().orElseThrow(() -> new ItsmeRejectedException(ItsmeMessage.JWKS_INVALID,
                "no RSA key with use 'enc' to encrypt request objects to"));
    }
}
