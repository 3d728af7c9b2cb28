package io.github.itsmejakarta.it.cluster.app;

/** Which node answers: the {@code cluster.node} system property the suite gives each server process. */
final class Node {

    static final String NAME = System.getProperty("cluster.node", "?");

    private Node() {
    }
}
