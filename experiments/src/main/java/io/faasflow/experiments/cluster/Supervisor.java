package io.faasflow.experiments.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches the processes of a local cluster and, when it supervises, starts again each one that dies: after 1 s,
 * doubled up to 30 s while it keeps dying, back to 1 s once it stayed up a minute. Every restart is logged. It
 * keeps {@code cluster.json} current: every process with its role, node, pid, restarts and endpoints, rewritten
 * on each start, so scripts and operators need no {@code ps}.
 */
final class Supervisor implements AutoCloseable {
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);
    private static final long WATCH_MILLIS = 200;

    /** Starts a member's process and waits until it is ready; called again for each restart. */
    interface Starter {
        ClusterProcess start();
    }

    private final class Member {
        final String name;
        final String role;
        final Integer node;
        final Map<String, String> endpoints;
        final Starter starter;
        volatile ClusterProcess process;
        volatile long startedAt = System.currentTimeMillis();
        volatile boolean restarting;
        int restarts;
        Duration backoff = FIRST_BACKOFF;

        Member(String name, String role, Integer node, Map<String, String> endpoints, ClusterProcess process, Starter starter) {
            this.name = name;
            this.role = role;
            this.node = node;
            this.endpoints = endpoints;
            this.process = process;
            this.starter = starter;
        }
    }

    private final Path file;
    private final boolean restarting;
    private final PrintStream log;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, String> cluster = new LinkedHashMap<>();
    private final List<ProcessRestart> restarts = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private final Thread watcher;

    /**
     * @param file where {@code cluster.json} goes
     * @param restarting whether a process that dies is started again (else it is only described)
     */
    Supervisor(Path file, boolean restarting, PrintStream log) {
        this.file = file;
        this.restarting = restarting;
        this.log = log;
        this.watcher = Thread.ofPlatform().daemon().name("supervisor").unstarted(this::watch);
    }

    /** An address of the whole cluster for {@code cluster.json}, e.g. {@code ingress}. */
    synchronized void describe(String key, String value) {
        cluster.put(key, value);
        write();
    }

    synchronized void add(String name, String role, Integer node, Map<String, String> endpoints, ClusterProcess process,
            Starter starter) {
        members.put(name, new Member(name, role, node, Map.copyOf(endpoints), process, starter));
        write();
    }

    /** The process now running as {@code name}, started by hand (a test that killed and restarted it). */
    synchronized void replaced(String name, ClusterProcess process) {
        Member member = members.get(name);
        member.process = process;
        member.startedAt = System.currentTimeMillis();
        write();
    }

    void start() {
        if (restarting) {
            watcher.start();
        }
    }

    /** Every restart so far, in order. */
    List<ProcessRestart> restarts() {
        return List.copyOf(restarts);
    }

    synchronized long pidOf(String name) {
        return members.get(name).process.pid();
    }

    private void watch() {
        while (!stopped) {
            List<Member> snapshot;
            synchronized (this) {
                snapshot = new ArrayList<>(members.values());
            }
            for (Member member : snapshot) {
                if (!member.restarting && !member.process.alive() && !stopped) {
                    member.restarting = true;
                    long diedAt = System.currentTimeMillis();
                    Thread.ofVirtual().name("restart-" + member.name).start(() -> restart(member, diedAt));
                }
            }
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void restart(Member member, long diedAt) {
        if (diedAt - member.startedAt > STABLE.toMillis()) {
            member.backoff = FIRST_BACKOFF;
        }
        Duration wait = member.backoff;
        member.backoff = min(member.backoff.multipliedBy(2), MAX_BACKOFF);
        log.printf("supervisor: %s (pid %d) died; restart #%d in %.1f s%n", member.name, member.process.pid(),
                member.restarts + 1, wait.toMillis() / 1000.0);
        try {
            Thread.sleep(wait);
            if (stopped) {
                return;
            }
            ClusterProcess started = member.starter.start();
            synchronized (this) {
                member.process = started;
                member.startedAt = System.currentTimeMillis();
                member.restarts++;
                write();
            }
            restarts.add(new ProcessRestart(member.name, diedAt, System.currentTimeMillis()));
            log.printf("supervisor: %s is back (pid %d) after %.1f s down%n", member.name, started.pid(),
                    (System.currentTimeMillis() - diedAt) / 1000.0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.printf("supervisor: %s did not start again: %s%n", member.name, e.getMessage());
        } finally {
            member.restarting = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Rewrites {@code cluster.json} whole, through a temporary file, so a reader never sees half of it. */
    private void write() {
        ObjectNode root = WireJson.mapper().createObjectNode();
        root.put("supervisor", ProcessHandle.current().pid());
        root.put("updatedAt", System.currentTimeMillis());
        cluster.forEach(root::put);
        ArrayNode processes = root.putArray("processes");
        for (Member member : members.values()) {
            ObjectNode entry = processes.addObject();
            entry.put("name", member.name);
            entry.put("role", member.role);
            if (member.node != null) {
                entry.put("node", member.node);
            }
            entry.put("pid", member.process.pid());
            entry.put("startedAt", member.startedAt);
            entry.put("restarts", member.restarts);
            member.endpoints.forEach(entry::put);
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.println("supervisor: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Stops watching (before the cluster stops its processes, so none is started again). */
    @Override
    public void close() {
        stopped = true;
        watcher.interrupt();
    }
}
