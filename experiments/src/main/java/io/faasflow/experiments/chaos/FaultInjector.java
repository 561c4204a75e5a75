package io.faasflow.experiments.chaos;

import io.faasflow.experiments.cluster.LocalCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Carries out a {@link FaultSchedule} on a running cluster, on a thread of its own. */
final class FaultInjector {
    private final LocalCluster cluster;
    private final List<Fault> schedule;
    private final PrintStream out;
    private final List<InjectedFault> injected = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final long start = System.currentTimeMillis();

    FaultInjector(LocalCluster cluster, List<Fault> schedule, PrintStream out) {
        this.cluster = cluster;
        this.schedule = schedule;
        this.out = out;
        this.thread = Thread.ofPlatform().daemon().name("fault-injector").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Whether every fault was injected (and every pause ended). */
    boolean done() {
        return !thread.isAlive();
    }

    List<InjectedFault> injected() {
        return List.copyOf(injected);
    }

    private void run() {
        try {
            for (Fault fault : schedule) {
                long wait = start + fault.atMillis() - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                long pid = cluster.pidOf(fault.target());
                out.printf("chaos: %6.1f s  %s (pid %d)%n", (System.currentTimeMillis() - start) / 1000.0, fault.label(), pid);
                injected.add(new InjectedFault(fault, System.currentTimeMillis(), pid));
                if (fault.kind() == Fault.Kind.KILL) {
                    signal("KILL", pid);
                } else {
                    signal("STOP", pid);
                    Thread.sleep(fault.holdMillis());
                    signal("CONT", pid);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String name, long pid) throws InterruptedException {
        try {
            int code = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
            if (code != 0) {
                out.println("chaos: kill -" + name + " " + pid + " exited with " + code);
            }
        } catch (IOException e) {
            out.println("chaos: cannot send SIG" + name + " to " + pid + ": " + e.getMessage());
        }
    }
}
