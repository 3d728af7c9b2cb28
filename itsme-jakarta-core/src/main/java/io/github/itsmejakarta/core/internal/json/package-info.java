/**
 * Internal, not API: A minimal JSON writer for parameters built per login.
 */
package io.github.itsmejakarta.core.internal.json;
