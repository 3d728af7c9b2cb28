package io.github.itsmejakarta.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cross-check of the JMH ratios for a machine that other work is loading: the four ID-token paths of
 * {@link IdTokenBenchmark} (same state, same token) and the four of {@link OutboundJwtBenchmark} run in short
 * interleaved batches, round-robin with a rotating start, each batch timed in CPU time rather than wall time: the
 * median of the calling thread's CPU time per op, and the mean of the whole process's CPU time per op
 * (which charges the GC work a path causes to it). Time taken by other processes then falls out of the ratios (the
 * cache and frequency effects of the neighbours do not). Not JMH and no substitute for it; run it after a JMH run:
 * {@code java -cp benchmarks.jar io.github.itsmejakarta.benchmarks.InterleavedCpuTime [rounds] [opsPerBatch]}.
 */
public final class InterleavedCpuTime {

    private InterleavedCpuTime() {
    }

    @FunctionalInterface
    private interface Op {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        IdTokenBenchmark bench = new IdTokenBenchmark();
        bench.setUp();
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("a_jdkFloor", bench::a_jdkFloor);
        ops.put("b_itsmeCore", bench::b_itsmeCore);
        ops.put("c_jose4jByHand", bench::c_jose4jByHand);
        ops.put("d_nimbusByHand", bench::d_nimbusByHand);
        OutboundJwtBenchmark outbound = new OutboundJwtBenchmark();
        outbound.setUp();
        ops.put("clientAssertion_jdkFloor", outbound::clientAssertion_jdkFloor);
        ops.put("clientAssertion_core", outbound::clientAssertion_core);
        ops.put("requestObject_jdkFloor", outbound::requestObject_jdkFloor);
        ops.put("requestObject_core", outbound::requestObject_core);
        List<String> names = new ArrayList<>(ops.keySet());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // all of this JVM's threads, so that the GC work a path causes is charged to it
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();

        Object sink = null;
        for (int warm = 0; warm < 2000; warm++) { // C2 for every path before anything counts
            sink = ops.get(names.get(warm % names.size())).run();
        }
        Map<String, double[]> micros = new LinkedHashMap<>();
        Map<String, double[]> processMicros = new LinkedHashMap<>();
        names.forEach(n -> micros.put(n, new double[rounds]));
        names.forEach(n -> processMicros.put(n, new double[rounds]));
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((r + k) % names.size());
                Op op = ops.get(name);
                long processStart = os.getProcessCpuTime();
                long start = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < batch; i++) {
                    sink = op.run();
                }
                micros.get(name)[r] = (mx.getCurrentThreadCpuTime() - start) / 1000.0 / batch;
                processMicros.get(name)[r] = (os.getProcessCpuTime() - processStart) / 1000.0 / batch;
            }
        }
        System.out.printf(Locale.ROOT, "%-26s %14s %14s %18s %22s %18s%n", "path", "median us/op", "ops/ms (CPU)",
                "throughput/floor", "process CPU mean us/op", "throughput/floor");
        for (String name : names) {
            String floorName = name.startsWith("clientAssertion")
                    ? "clientAssertion_jdkFloor"
                    : name.startsWith("requestObject") ? "requestObject_jdkFloor" : "a_jdkFloor";
            double m = median(micros.get(name));
            double p = mean(processMicros.get(name));
            System.out.printf(Locale.ROOT, "%-26s %14.1f %14.3f %18.3f %22.1f %18.3f%n", name, m, 1000.0 / m,
                    median(micros.get(floorName)) / m, p, mean(processMicros.get(floorName)) / p);
        }
        double b = median(micros.get("b_itsmeCore"));
        double bp = mean(processMicros.get("b_itsmeCore"));
        System.out.printf(Locale.ROOT,
                "thread CPU: (b)/(c) = %.3f   (b)/(d) = %.3f;  process CPU: (b)/(c) = %.3f   (b)/(d) = %.3f"
                        + "   [%d rounds x %d ops per path; sink %s]%n",
                median(micros.get("c_jose4jByHand")) / b, median(micros.get("d_nimbusByHand")) / b,
                mean(processMicros.get("c_jose4jByHand")) / bp, mean(processMicros.get("d_nimbusByHand")) / bp,
                rounds, batch, sink == null ? "null" : "ok");
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
