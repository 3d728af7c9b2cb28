package io.github.itsmejakarta.core.internal.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code error} and {@code error_description} of a {@code WWW-Authenticate: Bearer} challenge (RFC 6750 3), as a
 * protected resource such as the userinfo endpoint sends them when it refuses an access token. Only quoted values are
 * read (RFC 6750 3 quotes both); the caller makes them safe with {@link SafeText} before using them.
 *
 * @param error the {@code error} attribute, if present
 * @param description the {@code error_description} attribute, if present
 */
public record BearerChallenge(Optional<String> error, Optional<String> description) {
    private static final Pattern AUTH_PARAM = Pattern.compile("(error|error_description)\\s*=\\s*\"([^\"]*)\"");

    /** The attributes of {@code header}; an absent header has none. */
    public static BearerChallenge parse(String header) {
        String error = null;
        String description = null;
        if (header != null) {
            Matcher m = AUTH_PARAM.matcher(header);
            while (m.find()) {
                if ("error".equals(m.group(1))) {
                    error = m.group(2);
                } else {
                    description = m.group(2);
                }
            }
        }
        return new BearerChallenge(Optional.ofNullable(error), Optional.ofNullable(description));
    }
}
