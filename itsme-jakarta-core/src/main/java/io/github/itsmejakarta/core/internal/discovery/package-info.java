/**
 * Internal, not API: itsme's discovery document (fetched once per client, issuer compared exactly) and the provider context built from it.
 */
package io.github.itsmejakarta.core.internal.discovery;
