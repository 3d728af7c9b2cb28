package io.github.itsmejakarta.it.app;

import java.io.IOException;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Only for callers the application's {@link AcrGroupsMapper} put in the group {@code strong-auth}. */
@WebServlet("/strong-only")
@ServletSecurity(@HttpConstraint(rolesAllowed = "strong-auth"))
public class StrongOnlyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("strong-only for " + request.getUserPrincipal().getName() + "\n");
    }
}
