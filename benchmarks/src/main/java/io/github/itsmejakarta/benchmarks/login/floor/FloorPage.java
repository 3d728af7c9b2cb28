package io.github.itsmejakarta.benchmarks.login.floor;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The floor's protected page, as the quickstart's {@code /me}: role {@code user}, a small HTML page naming the caller
 * ({@code id="sub"}); on the session's first visit one outbound call ({@link FloorOutbound}), as the quickstart reads
 * userinfo once per session.
 */
@WebServlet("/me")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class FloorPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String SHOWN = "floor.shown";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        if (session.getAttribute(SHOWN) == null) {
            FloorOutbound.call();
            session.setAttribute(SHOWN, Boolean.TRUE);
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.printf("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>floor</title></head><body>"
                + "<dl><dt>subject</dt><dd id=\"sub\">%s</dd></dl></body></html>%n", request.getRemoteUser());
    }
}
