package io.github.itsmejakarta.it.cluster.app;

import java.io.IOException;

import io.github.itsmejakarta.cdi.ItsmeContext;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** POST /logout: ends the local login through {@link ItsmeContext#logout()}. */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ItsmeContext itsme;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        itsme.logout();
        response.setContentType("text/plain");
        response.getWriter().write("node=" + Node.NAME + "\nlogged out\n");
    }
}
