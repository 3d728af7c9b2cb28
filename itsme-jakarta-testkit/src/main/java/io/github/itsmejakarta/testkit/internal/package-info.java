/**
 * The simulator's endpoints, checks and token minting. Not API: these classes are public only so that the
 * simulator's public classes in {@code io.github.itsmejakarta.testkit} can reach them, and may change at any time.
 */
package io.github.itsmejakarta.testkit.internal;
