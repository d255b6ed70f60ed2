package org.pledgeworks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from /proc: this JVM's own (Gatling and the harness: the load generator) and the whole
 * machine's, so each run can say what share of the cores the load generator took from the stack.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    record Sample(long nanos, long selfTicks, long busyTicks, long totalTicks) {
    }

    /**
     * @param generatorShare the load generator's CPU time over (wall time × cores)
     * @param machineBusy    the whole machine's busy share over the same time, the generator included
     */
    record Usage(double generatorShare, double machineBusy, int cores) {
    }

    private final int cores = Runtime.getRuntime().availableProcessors();

    int cores() {
        return cores;
    }

    Sample sample() {
        return new Sample(System.nanoTime(), selfTicks(), machine()[0], machine()[1]);
    }

    Usage since(Sample before) {
        Sample now = sample();
        double wall = (now.nanos() - before.nanos()) / 1e9;
        double self = (now.selfTicks() - before.selfTicks()) / TICKS_PER_SECOND;
        long total = now.totalTicks() - before.totalTicks();
        double busy = total == 0 ? 0 : (double) (now.busyTicks() - before.busyTicks()) / total;
        return new Usage(wall <= 0 ? 0 : self / (wall * cores), busy, cores);
    }

    private static long selfTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {busy, total} jiffies of all CPUs. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] { total - idle, total };
        } catch (IOException | RuntimeException e) {
            return new long[] { 0, 0 };
        }
    }
}
