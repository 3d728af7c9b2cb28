package io.github.itsmejakarta.examples.quickstart;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.github.itsmejakarta.cdi.ItsmeCallerPrincipal;
import io.github.itsmejakarta.cdi.ItsmeConfirmation;
import io.github.itsmejakarta.cdi.ItsmeContext;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeUserInfo;
import io.github.itsmejakarta.core.claims.ItsmeClaims;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The protected page: the container sends an anonymous visitor to itsme first (the mechanism does), then shows what
 * itsme told about the caller (the ID token and, for the scopes' claims, userinfo), and offers the Confirm action and
 * logout.
 */
@WebServlet("/me")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class MeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ItsmeContext itsme;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ctx = request.getContextPath();
        PrintWriter out = Page.start(response, ctx, "Your itsme data");
        ItsmeCallerPrincipal caller = itsme.caller().orElseThrow();
        // The ID token names the user (sub); what the scopes share (profile, eid) comes from userinfo, fetched
        // once per session on first use.
        Map<String, Object> all = new TreeMap<>(caller.claims().raw());
        ItsmeClaims claims = caller.claims();
        try {
            Optional<ItsmeUserInfo> userInfo = itsme.userInfo();
            if (userInfo.isPresent()) {
                claims = userInfo.get().claims();
                all.putAll(claims.raw());
            }
        } catch (ItsmeException e) {
            out.printf("<p class=\"warning\" id=\"userinfo-error\">itsme's userinfo could not be read (%s).</p>%n",
                    Page.escape(e.messageId()));
        }
        out.printf("<p>Hello <strong id=\"caller-name\">%s</strong>.</p>%n",
                Page.escape(claims.name().orElse(caller.getName())));
        itsme.lastConfirmation().map(ItsmeConfirmation::approval).ifPresent(approval -> out.printf(
                "<p id=\"confirmed\">You confirmed in itsme: <q id=\"confirmed-text\">%s</q></p>%n",
                Page.escape(approval.text().orElse(approval.template()))));
        claims.photo().filter(p -> p.mediaType().equals("image/jpeg")).ifPresent(p -> out.printf(
                "<p><img id=\"photo\" alt=\"eID photo\" height=\"120\" src=\"data:image/jpeg;base64,%s\"></p>%n",
                Base64.getEncoder().encodeToString(p.bytes())));
        out.printf("<dl><dt>itsme subject (link accounts by this)</dt><dd id=\"sub\">%s</dd>"
                + "<dt>Level</dt><dd id=\"acr\">%s</dd>"
                + "<dt>Birth date</dt><dd id=\"birthdate\">%s</dd>"
                + "<dt>Belgian national number</dt><dd id=\"national-number\">%s</dd></dl>%n",
                Page.escape(caller.sub()), Page.escape(itsme.acr().map(Object::toString).orElse("-")),
                Page.escape(claims.birthdate().map(Object::toString).orElse("-")),
                Page.escape(claims.belgianNationalNumber().orElse("-")));

        out.println("<h2>All claims</h2><table id=\"claims\"><tr><th>claim</th><th>value</th></tr>");
        for (Map.Entry<String, Object> claim : all.entrySet()) {
            String value = String.valueOf(claim.getValue());
            out.printf("<tr><td>%s</td><td>%s</td></tr>%n", Page.escape(claim.getKey()),
                    Page.escape(value.length() > 120 ? value.substring(0, 117) + "..." : value));
        }
        out.println("</table>");

        out.println("<h2>Confirm</h2>");
        out.printf("<form method=\"post\" action=\"%s/confirm\"><input type=\"text\" name=\"text\" id=\"confirm-text\" "
                + "size=\"40\" value=\"I agree to the terms of service\"> <button type=\"submit\" id=\"confirm-button\">"
                + "Confirm with itsme</button></form>%n", ctx);
        out.printf("<form method=\"post\" action=\"%s/logout\"><button type=\"submit\" id=\"logout-button\">"
                + "Log out</button></form>%n", ctx);
        Page.end(out);
    }
}
