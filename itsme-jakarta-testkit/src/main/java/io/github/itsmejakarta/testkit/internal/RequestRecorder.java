package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.RecordedRequest;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Keeps the requests the simulator received, newest last, at most {@value #CAPACITY} (oldest dropped). Thread-safe.
 */
public final class RequestRecorder {

    private static final int CAPACITY = 10_000;

    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();

    public synchronized void record(RecordedRequest request) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.add(request);
    }

    public synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    public synchronized void clear() {
        requests.clear();
    }
}
