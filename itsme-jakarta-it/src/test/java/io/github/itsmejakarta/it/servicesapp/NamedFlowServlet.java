package io.github.itsmejakarta.it.servicesapp;

import java.io.IOException;

import io.github.itsmejakarta.cdi.ItsmeAuthenticationParameters;
import io.github.itsmejakarta.cdi.ItsmeContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Starts a flow of a named service ({@code itsme.services.<name>.*}), as an application does:
 * {@code /named/login/<name>} a login through {@code SecurityContext.authenticate},
 * {@code /named/share/<name>} an Identification through {@code ItsmeContext.start}. Each comes back to
 * {@code /protected/whoami?service=<name>}.
 */
@WebServlet("/named/*")
public class NamedFlowServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;
    @Inject
    transient ItsmeContext itsme;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        if (parts.length != 3) {
            response.sendError(404);
            return;
        }
        String name = parts[2];
        ItsmeAuthenticationParameters parameters = switch (parts[1]) {
            case "login" -> ItsmeAuthenticationParameters.login().service(name);
            case "share" -> ItsmeAuthenticationParameters.shareData().service(name);
            default -> null;
        };
        if (parameters == null) {
            response.sendError(404);
            return;
        }
        parameters.returnTo("/protected/whoami?service=" + name);
        AuthenticationStatus status = "login".equals(parts[1])
                ? security.authenticate(request, response, parameters)
                : itsme.start(request, response, parameters);
        if (status != AuthenticationStatus.SEND_CONTINUE && !response.isCommitted()) {
            response.setContentType("text/plain");
            response.getWriter().write("status=" + status + "\n");
        }
    }
}
