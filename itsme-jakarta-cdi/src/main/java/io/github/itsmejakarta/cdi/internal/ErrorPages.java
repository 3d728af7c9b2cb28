package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;

/**
 * The plain pages the mechanism answers with when a login cannot go on: a status (401 refused, 503 itsme unavailable,
 * 500 misuse), a message id and one sentence. Never a stack trace, a token, a code or a key (checklist item 33): the
 * texts come from the message catalogue, filled only with ids and itsme's error codes, and are HTML-escaped anyway.
 *
 * <p>Stateless and thread-safe.
 */
public final class ErrorPages {
    private static final System.Logger LOG = System.getLogger(ErrorPages.class.getName());

    private ErrorPages() {
    }

    /** A refused login (401, ITSME-1722), logged at INFO; {@code cause} is the cause's id (and itsme's error code). */
    public static void refused(HttpServletResponse response, String cause) throws IOException {
        String message = ItsmeCdiMessage.LOGIN_FAILED.format(cause);
        LOG.log(Level.INFO, message);
        write(response, 401, "itsme login failed", message + ". Please start again.");
    }

    /** itsme unreachable or temporarily unavailable (503, ITSME-1723, {@code Retry-After}), logged at WARNING. */
    public static void unavailable(HttpServletResponse response, String cause) throws IOException {
        String message = ItsmeCdiMessage.ITSME_UNAVAILABLE.format(cause);
        LOG.log(Level.WARNING, message);
        response.setHeader("Retry-After", "30");
        write(response, 503, "itsme is unavailable", message + ". Please try again in a moment.");
    }

    /** Writes the page and commits the response. */
    public static void write(HttpServletResponse response, int status, String title, String message)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        PrintWriter out = response.getWriter();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
        out.write(escape(title));
        out.write("</title></head>\n<body><h1>");
        out.write(escape(title));
        out.write("</h1>\n<p>");
        out.write(escape(message));
        out.write("</p>\n</body></html>\n");
        out.flush();
        response.flushBuffer();
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
