package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.Approval;
import io.github.itsmejakarta.core.PendingAuthorization;
import io.github.itsmejakarta.core.Service;
import io.github.itsmejakarta.core.LoopbackUris;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Logins in progress in a cookie ({@code itsme.login-state=cookie}): no server state, so a login started on one node
 * of a cluster finishes on any other node holding the same keys.
 *
 * <p>The cookie ({@code <itsme.cookie-name>_<16 chars of SHA-256(state)>}, one per login so that tabs do not clash)
 * holds the login state encrypted and authenticated with AES-256-GCM (NIST SP 800-38D): a fresh 96-bit IV per cookie,
 * a 128-bit tag, the cookie's name as associated data so that a value cannot be moved to another login's cookie. Its
 * key is {@code itsme.cookie-secret} or, by default, derived from the RP's active signing key
 * ({@link SettingsResolver#deriveCookieKey}). Inside, the state itself is checked again after decryption, and the
 * expiry ({@code itsme.login-timeout}) is enforced from the encrypted creation time, not from the cookie's
 * {@code Max-Age}, which a browser could ignore.
 *
 * <p>Attributes: {@code HttpOnly}; {@code Secure} unless the request is plain http to a loopback host (development);
 * {@code SameSite=Lax}, which still sends it on itsme's top-level GET redirect back; {@code Max-Age} the login
 * timeout; no {@code Domain}. For an application at the root over https the name starts with {@code __Host-} and the
 * path is {@code /}: a browser then takes the cookie only from this origin, so a sibling subdomain cannot plant its
 * own login's cookie to log the user in as someone else (cookie tossing, issue 7 item 10). Otherwise (a context path,
 * or plain-http loopback) the path is the callback path only.
 *
 * <p>Single use, and what that guarantees: the callback clears the cookie ({@code Max-Age=0}) whatever the outcome,
 * so the browser cannot present it twice; core's {@code ItsmeClient} remembers used states in memory until they
 * expire, so a replay of a captured cookie and callback URL on the same node is refused (ITSME-1205); on another node
 * within the login timeout such a replay reaches itsme's token endpoint with an already redeemed code, which itsme
 * refuses ({@code invalid_grant}: codes are single-use, valid 3 minutes), and without the PKCE verifier, which only the
 * cookie holds, a stolen code alone is useless. No caller is ever created twice from one authorization.
 *
 * <p>Thread-safe (the cipher is created per call).
 */
public final class CookieLoginStateStore implements LoginStateStore {
    private static final System.Logger LOG = System.getLogger(CookieLoginStateStore.class.getName());
    static final int MAX_COOKIE_BYTES = 3800;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * Version 3 adds the named service's name (empty for the top-level service); version 2 (the logged-in caller's
     * {@code sub}, 18 fields) and version 1 cookies (17 fields) are still read.
     */
    private static final String VERSION = "3";
    private static final String VERSION_2 = "2";
    /** The name prefix browsers accept only from the origin itself over https, with Path=/ and no Domain. */
    static final String HOST_PREFIX = "__Host-";
    private static final String VERSION_1 = "1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String cookiePrefix;
    private final String callbackPath;
    private final Duration timeout;
    private final Clock clock;

    public CookieLoginStateStore(SecretKey key, String cookieName, String callbackPath, Duration timeout, Clock clock) {
        this.key = key;
        this.cookiePrefix = cookieName + "_";
        this.callbackPath = callbackPath;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response, LoginState login) {
        String name = cookieName(request, login.pending().state());
        String value = encrypt(name, encode(login));
        if (value.length() > MAX_COOKIE_BYTES) {
            throw new IllegalStateException("The login state is " + value.length()
                    + " bytes, too large for a cookie; use itsme.login-state=session");
        }
        response.addCookie(cookie(request, name, value, (int) timeout.toSeconds()));
    }

    @Override
    public Optional<LoginState> take(HttpServletRequest request, HttpServletResponse response, String state) {
        String name = cookieName(request, state);
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                response.addCookie(cookie(request, name, "", 0)); // consumed, whatever follows
                Optional<LoginState> login = decrypt(name, c.getValue()).flatMap(this::decode)
                        .filter(l -> MessageDigest.isEqual(l.pending().state().getBytes(StandardCharsets.UTF_8),
                                state.getBytes(StandardCharsets.UTF_8)))
                        .filter(l -> !l.pending().isExpired(clock)
                                && !clock.instant().isAfter(l.pending().createdAt().plus(timeout)));
                if (login.isEmpty()) {
                    LOG.log(Level.INFO, ItsmeCdiMessage.COOKIE_STATE_INVALID.format());
                }
                return login;
            }
        }
        return Optional.empty();
    }

    /**
     * The cookie's name for this login: {@value #HOST_PREFIX} first when {@link #hostOnly} allows it, so that the name
     * itself says the origin set it over https.
     */
    String cookieName(HttpServletRequest request, String state) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return (hostOnly(request) ? HOST_PREFIX : "") + cookiePrefix + B64.encodeToString(hash).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static boolean secure(HttpServletRequest request) {
        return request.isSecure() || !LoopbackUris.isLoopbackHost(request.getServerName());
    }

    /**
     * Whether the cookie can be a {@code __Host-} cookie (RFC 6265bis 4.1.3.2: {@code Secure}, {@code Path=/}, no
     * {@code Domain}): when it is {@code Secure} and the application sits at the root, where {@code Path=/} is its own
     * path. An application under a context path keeps its cookie on {@code <context>/<callback>} instead, and plain
     * http on loopback (development) cannot have a {@code Secure} cookie.
     */
    private static boolean hostOnly(HttpServletRequest request) {
        return secure(request) && request.getContextPath().isEmpty();
    }

    private Cookie cookie(HttpServletRequest request, String name, String value, int maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure(request));
        cookie.setAttribute("SameSite", "Lax");
        cookie.setPath(hostOnly(request) ? "/" : request.getContextPath() + callbackPath);
        cookie.setMaxAge(maxAge);
        return cookie;
    }

    private String encrypt(String name, byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain);
            return B64.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private Optional<byte[]> decrypt(String name, String value) {
        try {
            byte[] all = B64D.decode(value);
            if (all.length < IV_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty(); // tampered, truncated, or sealed with another key
        }
    }

    private static byte[] encode(LoginState login) {
        PendingAuthorization p = login.pending();
        Approval a = login.approval();
        URI uri = p.uri();
        List<String> fields = List.of(VERSION, p.state(), p.nonce(), p.codeVerifier(), p.redirectUri().toString(),
                p.service().name(), p.serviceCode(), p.acr().name(), Long.toString(p.createdAt().toEpochMilli()),
                Long.toString(p.expiresAt().toEpochMilli()),
                // the authorization URL without its query: exchange() never reads it, and the query can be kilobytes
                uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath(), login.returnPath(),
                a == null ? "" : a.template(), a == null ? "" : a.text().orElse(""),
                a == null ? "" : a.amount().orElse(""), a == null ? "" : a.currency().orElse(""),
                a == null ? "" : a.iban().orElse(""), login.expectedSub() == null ? "" : login.expectedSub(),
                login.serviceName() == null ? "" : login.serviceName());
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(B64.encodeToString(f.getBytes(StandardCharsets.UTF_8)));
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private Optional<LoginState> decode(byte[] plain) {
        try {
            List<String> f = new ArrayList<>();
            for (String part : new String(plain, StandardCharsets.US_ASCII).split("\\.", -1)) {
                f.add(new String(B64D.decode(part), StandardCharsets.UTF_8));
            }
            boolean v3 = f.size() == 19 && VERSION.equals(f.get(0));
            boolean v2 = v3 || f.size() == 18 && VERSION_2.equals(f.get(0));
            if (!v2 && !(f.size() == 17 && VERSION_1.equals(f.get(0)))) {
                return Optional.empty();
            }
            PendingAuthorization pending = PendingAuthorization.of(f.get(1), f.get(2), f.get(3), URI.create(f.get(4)),
                    Service.valueOf(f.get(5)), f.get(6), Acr.valueOf(f.get(7)),
                    Instant.ofEpochMilli(Long.parseLong(f.get(8))), Instant.ofEpochMilli(Long.parseLong(f.get(9))),
                    URI.create(f.get(10)), null);
            Approval approval = null;
            if (Approval.FREE_TEXT.equals(f.get(12))) {
                approval = Approval.freeText(f.get(13));
            } else if (Approval.ADV_PAYMENT.equals(f.get(12))) {
                approval = Approval.payment(f.get(14), f.get(15), f.get(16), f.get(13).isEmpty() ? null : f.get(13));
            }
            String expectedSub = v2 && !f.get(17).isEmpty() ? f.get(17) : null;
            String serviceName = v3 && !f.get(18).isEmpty() ? f.get(18) : null;
            return Optional.of(new LoginState(pending, f.get(11), approval, expectedSub, null, serviceName));
        } catch (RuntimeException e) {
            // authenticated by GCM, so only a version skew or a bug gets here
            return Optional.empty();
        }
    }
}
