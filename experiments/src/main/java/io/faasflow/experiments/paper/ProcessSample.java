package io.faasflow.experiments.paper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, from {@code /proc/<pid>/stat} and {@code /proc/<pid>/status} (Linux).
 *
 * @param cpuSeconds user plus system time so far
 * @param rssBytes resident set size now
 */
record ProcessSample(long nanoTime, double cpuSeconds, long rssBytes) {
    /** USER_HZ: the unit of the stat file's times, 100 on every Linux architecture faasflow runs on. */
    private static final double TICKS_PER_SECOND = 100;

    static ProcessSample of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rssKib = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rssKib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new ProcessSample(System.nanoTime(), ticks / TICKS_PER_SECOND, rssKib * 1024);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + " (is the process alive, is this Linux?): " + e.getMessage(), e);
        }
    }

    /** Cores used on average between {@code earlier} and this sample. */
    double coresSince(ProcessSample earlier) {
        return (cpuSeconds - earlier.cpuSeconds) / ((nanoTime - earlier.nanoTime) / 1e9);
    }
}
