package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the log says about an unexpected failure of the mechanism (ITSME-1730), so that "why did the login fail" is
 * answered by the log while the page stays generic: the exception's class, its message sanitised and shortened, and
 * the classes of its cause chain. Messages of other libraries may quote input, so the sanitiser drops control and
 * bidirectional formatting characters (which could forge or reorder log lines) and masks long token-like runs (a
 * JWT, a code, a key) before cutting to {@value #MAX_MESSAGE} characters.
 *
 * <p>Also recognises the failure WildFly gives a custom mechanism when undertow's {@code integrated-jaspi} is on
 * ({@code UT010019} "Response already commited", or Elytron's {@code ELY01177}) and names the fix (ITSME-1734).
 *
 * <p>Stateless and thread-safe.
 */
public final class InternalFailures {
    static final int MAX_MESSAGE = 200;
    private static final int MAX_CAUSES = 8;
    /** Base64url/hex runs this long are tokens, codes or keys rather than words. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_\\-+/=.]{32,}");
    private static final Pattern WILDFLY_JASPI = Pattern.compile("UT010019|ELY01177|Response already commit+ed",
            Pattern.CASE_INSENSITIVE);

    private InternalFailures() {
    }

    /** {@code class: message [caused by: class <- class]}, sanitised. */
    public static String describe(Throwable failure) {
        StringBuilder sb = new StringBuilder(failure.getClass().getName());
        String message = sanitise(failure.getMessage());
        if (!message.isEmpty()) {
            sb.append(": ").append(message);
        }
        List<String> causes = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(failure);
        for (Throwable c = failure.getCause(); c != null && seen.add(c) && causes.size() < MAX_CAUSES; c = c
                .getCause()) {
            causes.add(c.getClass().getName());
        }
        if (!causes.isEmpty()) {
            sb.append(" [caused by ").append(String.join(" <- ", causes)).append(']');
        }
        return sb.toString();
    }

    /** The ITSME-1734 hint when {@code failure} (or a cause) is WildFly's integrated-JASPI failure; else null. */
    public static String hint(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = failure; c != null && seen.add(c); c = c.getCause()) {
            String message = c.getMessage();
            boolean committed = c instanceof IllegalStateException && message != null
                    && WILDFLY_JASPI.matcher(message).find();
            if (committed || message != null && message.contains("ELY01177")) {
                return ItsmeCdiMessage.WILDFLY_INTEGRATED_JASPI.format();
            }
        }
        return null;
    }

    /** Without control or bidirectional formatting characters, token-like runs masked, at most 200 characters. */
    static String sanitise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 2 * MAX_MESSAGE));
        for (int i = 0; i < text.length() && sb.length() < 2 * MAX_MESSAGE; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) || isFormatting(c) ? ' ' : c);
        }
        String masked = TOKEN_LIKE.matcher(sb).replaceAll("[…]").strip();
        return masked.length() > MAX_MESSAGE ? masked.substring(0, MAX_MESSAGE) + "…" : masked;
    }

    /** Unicode's bidirectional controls and line separators (Trojan Source, CVE-2021-42574). */
    private static boolean isFormatting(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
                || c == '\u061C' || c == '\u2028' || c == '\u2029';
    }
}
