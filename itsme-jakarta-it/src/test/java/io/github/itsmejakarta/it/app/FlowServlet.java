package io.github.itsmejakarta.it.app;

import java.io.IOException;
import java.util.Arrays;

import io.github.itsmejakarta.cdi.ItsmeAuthenticationParameters;
import io.github.itsmejakarta.cdi.ItsmeContext;
import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.Approval;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Starts itsme flows on demand, as an application does (the login with {@code SecurityContext.authenticate}, the
 * others with {@code ItsmeContext.start}, which also works for a logged-in caller on WildFly): share-data with
 * claims chosen at run time ({@code /flow/share?claims=a,b}), confirm a text ({@code /flow/confirm?text=...}) or a
 * payment ({@code /flow/pay?amount=..&iban=..}), or log in at the advanced level ({@code /flow/advanced}). Each comes back to {@code /protected/after-<flow>}.
 */
@WebServlet("/flow/*")
public class FlowServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;
    @Inject
    transient ItsmeContext itsme;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String flow = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        ItsmeAuthenticationParameters parameters = switch (flow) {
            case "share" -> ItsmeAuthenticationParameters
                    .shareData(Arrays.stream(request.getParameter("claims").split(",")).map(String::trim)
                            .toArray(String[]::new));
            case "confirm" -> ItsmeAuthenticationParameters.confirm(Approval.freeText(request.getParameter("text")));
            case "advanced" -> ItsmeAuthenticationParameters.login().acr(Acr.ADVANCED);
            case "pay" -> ItsmeAuthenticationParameters.confirm(Approval.payment(request.getParameter("amount"), "EUR",
                    request.getParameter("iban")));
            default -> null;
        };
        if (parameters == null) {
            response.sendError(404);
            return;
        }
        parameters.returnTo("/protected/after-" + flow);
        // a login goes through the container; share-data and confirm through ItsmeContext.start, which also works
        // for a caller who is already logged in (WildFly answers SecurityContext.authenticate with SUCCESS then)
        AuthenticationStatus status = "advanced".equals(flow)
                ? security.authenticate(request, response, parameters)
                : itsme.start(request, response, parameters);
        if (status != AuthenticationStatus.SEND_CONTINUE && !response.isCommitted()) {
            response.setContentType("text/plain");
            response.getWriter().write("status=" + status + "\n");
        }
    }
}
