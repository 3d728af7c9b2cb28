package io.github.itsmejakarta.core.internal.token;

import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeErrorResponseException;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import io.github.itsmejakarta.core.internal.http.HttpResult;
import io.github.itsmejakarta.core.internal.http.SafeText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads the token endpoint's answer strictly (OIDC Core 3.1.3.3 and 3.1.3.4, RFC 6749 5.1 and 5.2): a JSON object
 * with string {@code access_token}, {@code id_token} and {@code token_type} (compared case-insensitively with
 * {@code Bearer}, RFC 6749 5.1), and an optional numeric {@code expires_in}. Anything else is refused (checklist
 * items 21 and 22).
 *
 * <p>JSON-P rather than JSON-B maps this answer: binding would quietly coerce a number into a string field, and the
 * types are part of what is checked.
 *
 * <p>Errors keep itsme's {@code error} and its description, which itsme names {@code detail} (OAuth's
 * {@code error_description} is read too).
 *
 * <p>Thread-safe.
 */
public final class TokenResponseReader {
    private final JsonProvider json;

    /** A reader using this JSON-P provider (looked up once per client). */
    public TokenResponseReader(JsonProvider json) {
        this.json = json;
    }

    /**
     * The tokens, or the failure.
     *
     * @throws ItsmeErrorResponseException ITSME-1301 for an OAuth error answer
     * @throws ItsmeCommunicationException ITSME-1122 for a 5xx answer without an OAuth error
     * @throws ItsmeRejectedException ITSME-1302 for anything malformed
     */
    public TokenResponse read(HttpResult result) throws ItsmeErrorResponseException, ItsmeCommunicationException,
            ItsmeRejectedException {
        if (result.status() != 200) {
            JsonObject error = parseQuietly(result.bodyText());
            if (error != null && error.get("error") instanceof JsonString code) {
                throw new ItsmeErrorResponseException(ItsmeMessage.TOKEN_ERROR, SafeText.errorCode(code.getString()),
                        SafeText.description(description(error)));
            }
            if (result.status() >= 500) {
                throw new ItsmeCommunicationException(ItsmeMessage.HTTP_SERVER_ERROR, result.status(),
                        "token endpoint");
            }
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_RESPONSE_INVALID,
                    "HTTP " + result.status() + " without an OAuth error");
        }
        JsonObject body = parse(result.bodyText());
        String accessToken = requiredString(body, "access_token");
        String idToken = requiredString(body, "id_token");
        String tokenType = requiredString(body, "token_type");
        if (!"bearer".equals(tokenType.toLowerCase(Locale.ROOT))) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_RESPONSE_INVALID, "token_type is not Bearer");
        }
        Duration expiresIn = null;
        JsonValue exp = body.get("expires_in");
        if (exp != null && exp.getValueType() != JsonValue.ValueType.NULL) {
            if (!(exp instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
                throw new ItsmeRejectedException(ItsmeMessage.TOKEN_RESPONSE_INVALID,
                        "expires_in is not a non-negative integer");
            }
            expiresIn = Duration.ofSeconds(n.longValue());
        }
        return new TokenResponse(accessToken, tokenType, idToken, expiresIn);
    }

    private static String description(JsonObject error) {
        for (String name : new String[]{"detail", "error_description"}) {
            if (error.get(name) instanceof JsonString s) {
                return s.getString();
            }
        }
        return null;
    }

    private static String requiredString(JsonObject body, String name) throws ItsmeRejectedException {
        JsonValue v = body.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_RESPONSE_INVALID, name + " is missing");
        }
        if (!(v instanceof JsonString s) || s.getString().isEmpty()) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_RESPONSE_INVALID, name + " is not a string");
        }
        return s.getString();
    }

    private JsonObject parse(String text) throws ItsmeRejectedException {
        JsonValue value;
        try (JsonReader reader = json.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException | IllegalStateException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_RESPONSE_INVALID, "not JSON");
        } catch (RuntimeException e) {
            // parsers signal depth and other limits with their own runtime exceptions
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_RESPONSE_INVALID, "not JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_RESPONSE_INVALID, "not a JSON object");
        }
        return object;
    }

    private JsonObject parseQuietly(String text) {
        try {
            return parse(text);
        } catch (ItsmeRejectedException e) {
            return null;
        }
    }
}
