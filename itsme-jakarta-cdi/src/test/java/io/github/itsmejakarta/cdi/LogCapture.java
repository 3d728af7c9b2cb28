package io.github.itsmejakarta.cdi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the library logs under {@code io.github.itsmejakarta} while it is open (JUL, where System.Logger goes). */
final class LogCapture extends Handler implements AutoCloseable {
    private static final Logger ROOT = Logger.getLogger("io.github.itsmejakarta");
    final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

    LogCapture() {
        ROOT.addHandler(this);
    }

    /** The formatted messages that contain {@code text}. */
    List<String> containing(String text) {
        synchronized (records) {
            return records.stream().map(r -> r.getParameters() == null
                    ? r.getMessage()
                    : java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
                    .filter(m -> m != null && m.contains(text)).toList();
        }
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        ROOT.removeHandler(this);
    }
}
