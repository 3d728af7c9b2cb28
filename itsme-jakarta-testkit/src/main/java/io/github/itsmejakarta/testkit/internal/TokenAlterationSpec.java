package io.github.itsmejakarta.testkit.internal;

import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a test asked to change in the next token, recorded by the public {@code TokenAlteration} and applied by
 * {@link TokenMinter}. Mutable; used by one thread while a token is minted.
 */
public final class TokenAlterationSpec {

    /** The claims of the token, changed in place. */
    public final Map<String, Object> claims;
    /** Inner JWS header entries to set (a null value removes the entry). */
    public final Map<String, Object> jwsHeaders = new LinkedHashMap<>();
    /** JWE header entries to set (a null value removes the entry). */
    public final Map<String, Object> jweHeaders = new LinkedHashMap<>();
    public String signatureAlgorithm;
    public PrivateKey signingKey;
    public String signingKeyId;
    public boolean corruptSignature;
    public boolean unsigned;
    public String jweAlgorithm;
    public String contentEncryption;
    public boolean jweKeyIdSet;
    public String jweKeyId;
    public boolean noEncryption;
    public String rawToken;
    /** JWE segments (0 header ... 4 tag) to tamper with after encryption. */
    public final java.util.Set<Integer> corruptedJweSegments = new java.util.TreeSet<>();

    public TokenAlterationSpec(Map<String, Object> claims) {
        this.claims = new LinkedHashMap<>(claims);
    }
}
