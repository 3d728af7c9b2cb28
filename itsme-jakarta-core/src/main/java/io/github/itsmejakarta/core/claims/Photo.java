package io.github.itsmejakarta.core.claims;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * itsme's {@code physical_person_photo} claim: the picture of the identity document, decoded.
 *
 * <p>Immutable and thread-safe: the bytes are copied in and out.
 *
 * @param mediaType e.g. {@code image/jpeg}
 * @param bytes the image
 */
public record Photo(String mediaType, byte[] bytes) implements Serializable {
    public Photo {
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
    }

    /** A copy of the image bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Photo p && Objects.equals(mediaType, p.mediaType) && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(mediaType) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Photo[mediaType=" + mediaType + ", " + bytes.length + " bytes]";
    }
}
