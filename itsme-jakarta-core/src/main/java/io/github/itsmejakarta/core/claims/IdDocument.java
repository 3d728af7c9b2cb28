package io.github.itsmejakarta.core.claims;

import java.io.Serializable;

/**
 * The identity document itsme read ({@code IDDocumentSN}, {@code IDDocumentType}, {@code IDIssuingCountry}, the last
 * as ISO 3166-1 alpha-3). Members itsme did not send are {@code null}.
 *
 * <p>Immutable and thread-safe.
 */
public record IdDocument(String serialNumber, String type, String issuingCountry) implements Serializable {
}
