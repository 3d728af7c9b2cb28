package io.github.itsmejakarta.cdi.internal;

/** Where request objects for {@code request_uri} wait: {@code itsme.request-object-store}. */
public enum RequestObjectStoreMode {
    /** The server's own distributed cache if it offers one to applications (Payara), else this node's memory. */
    AUTO,
    /** A JCache: the server's, else JCache's default provider; deployment fails without one. */
    JCACHE,
    /** This node's memory: itsme's fetch must reach the node that started the login. */
    MEMORY
}
