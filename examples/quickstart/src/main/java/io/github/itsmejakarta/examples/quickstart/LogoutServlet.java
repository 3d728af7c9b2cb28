package io.github.itsmejakarta.examples.quickstart;

import java.io.IOException;

import io.github.itsmejakarta.cdi.ItsmeContext;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Ends the local login (itsme has no end-session endpoint) and goes home. POST only: a link must not log out. */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ItsmeContext itsme;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        itsme.logout();
        response.sendRedirect(request.getContextPath() + "/");
    }
}
