package io.github.itsmejakarta.it.cluster.app;

import java.io.IOException;

import io.github.itsmejakarta.cdi.ItsmeContext;
import io.github.itsmejakarta.core.ItsmeException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Protected pages (role {@code user}, from {@code itsme.default-groups}): the node that answers, the caller, what the
 * request says about the scheme and host the proxy forwarded; at {@code /protected/userinfo} also the userinfo's
 * {@code sub} through {@link ItsmeContext#userInfo()} (fetched from itsme once per login).
 */
@WebServlet("/protected/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;
    @Inject
    transient ItsmeContext itsme;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setHeader("Cache-Control", "no-store");
        StringBuilder out = new StringBuilder();
        out.append("node=").append(Node.NAME).append('\n');
        out.append("caller=").append(security.getCallerPrincipal() == null
                ? "-"
                : security.getCallerPrincipal().getName()).append('\n');
        out.append("authenticated=").append(itsme.isAuthenticated()).append('\n');
        out.append("name=").append(itsme.claims().flatMap(c -> c.name()).orElse("-")).append('\n');
        out.append("role-user=").append(security.isCallerInRole("user")).append('\n');
        out.append("secure=").append(request.isSecure()).append('\n');
        out.append("scheme=").append(request.getScheme()).append('\n');
        out.append("host=").append(request.getServerName()).append(':').append(request.getServerPort()).append('\n');
        if ("/userinfo".equals(request.getPathInfo())) {
            try {
                out.append("userinfo-sub=").append(itsme.userInfo().map(u -> u.sub()).orElse("-")).append('\n');
            } catch (ItsmeException e) {
                out.append("error=").append(e.messageId()).append('\n');
            }
        }
        response.getWriter().write(out.toString());
    }
}
