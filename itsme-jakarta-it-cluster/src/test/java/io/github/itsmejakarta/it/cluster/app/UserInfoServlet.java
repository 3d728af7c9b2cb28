package io.github.itsmejakarta.it.cluster.app;

import java.io.IOException;

import io.github.itsmejakarta.cdi.ItsmeContext;
import io.github.itsmejakarta.core.ItsmeException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** GET /userinfo: the caller's userinfo through {@link ItsmeContext#userInfo()} (fetched from itsme once per login). */
@WebServlet("/userinfo")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class UserInfoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ItsmeContext itsme;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setHeader("Cache-Control", "no-store");
        StringBuilder out = new StringBuilder("node=" + Node.NAME + "\n");
        try {
            out.append("userinfo-sub=").append(itsme.userInfo().map(u -> u.sub()).orElse("-")).append('\n');
        } catch (ItsmeException e) {
            out.append("error=").append(e.messageId()).append('\n');
        }
        response.getWriter().write(out.toString());
    }
}
