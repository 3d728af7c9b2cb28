package io.github.itsmejakarta.examples.quickstart;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServletResponse;

/** The page frame shared by the servlets: one stylesheet, the itsme button drawn by the application. */
final class Page {

    private Page() {
    }

    static PrintWriter start(HttpServletResponse response, String contextPath, String title) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.printf("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>"
                + "<link rel=\"stylesheet\" href=\"%s/quickstart.css\"></head><body><main>%n", escape(title),
                contextPath);
        out.printf("<h1>%s</h1>%n", escape(title));
        return out;
    }

    static void end(PrintWriter out) {
        out.println("</main></body></html>");
    }

    /** HTML-escapes text from itsme or the user before it goes into a page. */
    static String escape(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
