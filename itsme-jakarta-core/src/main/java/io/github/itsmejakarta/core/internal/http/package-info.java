/**
 * Internal, not API: The bounded HTTP client core uses to talk to itsme (timeouts, size bound, no redirects), the https-or-loopback rule, and sanitising of text received from outside.
 */
package io.github.itsmejakarta.core.internal.http;
