package io.github.itsmejakarta.it.app;

import java.io.IOException;

import io.github.itsmejakarta.cdi.ItsmeContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Protected pages (role {@code user}, which {@code itsme.default-groups} gives): the caller and claims. */
@WebServlet("/protected/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;
    @Inject
    transient ItsmeContext itsme;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Report.of(security.getCallerPrincipal(), itsme, request.getParameter("userinfo") != null)
                .put("page", request.getRequestURI() + (request.getQueryString() == null
                        ? ""
                        : "?" + request.getQueryString()))
                .put("role-user", security.isCallerInRole("user"))
                .put("role-strong-auth", security.isCallerInRole("strong-auth"))
                .put("request-user-principal", request.getUserPrincipal() == null
                        ? "-"
                        : request.getUserPrincipal().getName())
                .put("confirmed-template", itsme.lastConfirmation().map(c -> c.approval().template()))
                .put("confirmed-text", itsme.lastConfirmation().flatMap(c -> c.approval().text()))
                .put("confirmed-amount", itsme.lastConfirmation().flatMap(c -> c.approval().amount()))
                .put("confirmed-iban", itsme.lastConfirmation().flatMap(c -> c.approval().iban()))
                .put("confirmed-echo-template", itsme.lastConfirmation().flatMap(c -> c.identity().claims()
                        .getString("http://itsme.services/v2/claim/claim_approval_template_name")))
                .write(response);
    }
}
