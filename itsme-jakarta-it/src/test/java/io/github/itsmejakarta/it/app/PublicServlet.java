package io.github.itsmejakarta.it.app;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A page anyone may see, with or without itsme. */
@WebServlet("/public")
public class PublicServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("public page; caller="
                + (request.getUserPrincipal() == null ? "-" : request.getUserPrincipal().getName()) + "\n");
    }
}
