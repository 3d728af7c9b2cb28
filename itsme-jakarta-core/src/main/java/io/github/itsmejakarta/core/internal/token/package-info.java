/**
 * Internal, not API: Strict reading of the token endpoint's answer.
 */
package io.github.itsmejakarta.core.internal.token;
