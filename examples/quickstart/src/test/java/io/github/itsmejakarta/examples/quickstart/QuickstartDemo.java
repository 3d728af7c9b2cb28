package io.github.itsmejakarta.examples.quickstart;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.itsmejakarta.testkit.TestPerson;

/**
 * The demo ({@code mvn -B -ntp -Pdemo -DskipTests -pl examples/quickstart -am verify}): starts the simulator and the
 * quickstart on Payara Micro, prints the URL to open, and serves until Ctrl-C, which stops both.
 */
public final class QuickstartDemo {

    private QuickstartDemo() {
    }

    public static void main(String[] args) throws Exception {
        QuickstartRunner.Settings settings = QuickstartRunner.Settings.fromSystemProperties();
        System.out.println("Starting the itsme quickstart on Payara Micro (about half a minute)...");
        QuickstartRunner runner = QuickstartRunner.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            stopped.countDown();
        }, "quickstart-demo-shutdown"));

        StringBuilder banner = new StringBuilder("\n==============================================================\n");
        banner.append(" itsme quickstart is running. Open:  ").append(runner.application()).append('\n');
        if (runner.simulator() != null) {
            banner.append(" itsme simulator:   ").append(runner.simulator().issuer()).append('\n');
            banner.append(" test persons:      ").append(runner.simulator().persons().stream()
                    .map(TestPerson::displayName).collect(Collectors.joining(", "))).append('\n');
        } else {
            banner.append(" itsme:             E2E sandbox (settings from the ITSME_* environment variables)\n");
        }
        banner.append(" Payara Micro log:  ").append(runner.log()).append('\n');
        banner.append(" Press Ctrl-C to stop both.\n");
        banner.append("==============================================================\n");
        System.out.println(banner);
        while (!stopped.await(2, TimeUnit.SECONDS)) {
            if (!runner.payaraAlive()) {
                runner.close();
                throw new IllegalStateException("Payara Micro stopped; see " + runner.log());
            }
        }
    }
}
