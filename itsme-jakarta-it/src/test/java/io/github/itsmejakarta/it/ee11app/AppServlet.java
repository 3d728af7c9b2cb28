package io.github.itsmejakarta.it.ee11app;

import java.io.IOException;

import io.github.itsmejakarta.cdi.ItsmeCallerPrincipal;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The browser pages: for itsme callers (role {@code user} from {@code itsme.default-groups}). */
@WebServlet("/app/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class AppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("app caller=" + request.getUserPrincipal().getName() + "\nitsme-principal="
                + (request.getUserPrincipal() instanceof ItsmeCallerPrincipal) + "\n");
    }
}
