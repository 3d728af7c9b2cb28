package io.github.itsmejakarta.it.ee11app;

import java.io.IOException;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The API: for bearer-token callers (role {@code api}). */
@WebServlet("/api/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = "api"))
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("api caller=" + request.getUserPrincipal().getName() + "\n");
    }
}
