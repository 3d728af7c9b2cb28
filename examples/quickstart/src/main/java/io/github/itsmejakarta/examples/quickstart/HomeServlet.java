package io.github.itsmejakarta.examples.quickstart;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public home page with the "Log in with itsme" button. itsme asks relying parties to draw the button
 * themselves (their brand guide gives colours and wording); here it is a plain link to the protected page, so that
 * the login starts with a user gesture and a GET, as itsme requires.
 */
@WebServlet("")
public class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter out = Page.start(response, request.getContextPath(), "itsme quickstart");
        if (security.getCallerPrincipal() == null) {
            out.println("<p>Log in with the itsme app: no password, your identity verified by your bank's app.</p>");
            out.printf("<p><a class=\"itsme-button\" id=\"itsme-button\" href=\"%s/me\">"
                    + "<span class=\"itsme-logo\">itsme</span><span>Log in with itsme</span></a></p>%n",
                    request.getContextPath());
        } else {
            out.printf("<p id=\"welcome\">You are logged in. <a id=\"me-link\" href=\"%s/me\">See your data</a>.</p>%n",
                    request.getContextPath());
        }
        Page.end(out);
    }
}
