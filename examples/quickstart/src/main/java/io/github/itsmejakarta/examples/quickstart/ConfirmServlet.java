package io.github.itsmejakarta.examples.quickstart;

import java.io.IOException;

import io.github.itsmejakarta.cdi.ItsmeAuthenticationParameters;
import io.github.itsmejakarta.cdi.ItsmeContext;
import io.github.itsmejakarta.core.Approval;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Asks the logged-in user to approve a text in the itsme app (the Confirm service, template {@code free_text}). The
 * browser goes to itsme and comes back to {@code /me}, where {@code ItsmeContext.lastConfirmation()} holds the result.
 * {@code ItsmeContext.start} rather than {@code SecurityContext.authenticate}: the caller is already logged in, and
 * WildFly does not call the mechanism again for an authenticated caller.
 */
@WebServlet("/confirm")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class ConfirmServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ItsmeContext itsme;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = request.getParameter("text");
        if (text == null || text.isBlank() || text.length() > 500) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "a text of 1 to 500 characters, please");
            return;
        }
        itsme.start(request, response,
                ItsmeAuthenticationParameters.confirm(Approval.freeText(text.strip())).returnTo("/me"));
    }
}
