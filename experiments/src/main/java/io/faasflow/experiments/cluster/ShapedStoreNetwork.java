package io.faasflow.experiments.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A network namespace for the shared store, joined to this host by a veth pair whose two ends can carry a
 * token-bucket ({@code tbf}) qdisc: the wire-level stand-in for the paper's {@code wondershaper} cap on the storage
 * node. The host end shapes traffic to the store, the namespace end traffic from it.
 *
 * <p>Needs root and iproute2 ({@code ip}, {@code tc}). Run the store with {@link #commandPrefix()} bound to
 * {@link #storeHost()}, stop it, then {@link #close()} the network. Not thread-safe.
 */
public final class ShapedStoreNetwork implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ShapedStoreNetwork.class.getName());
    private static final String NEEDS = "the bandwidth cap needs root and iproute2 (ip, tc)";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The /30 subnets are taken from 10.200.0.0 to 10.249.255.255. */
    private static final int SUBNET_BASE = (10 << 24) | (200 << 16);
    private static final int SUBNETS = 50 * 65536 / 4;
    private static final Pattern ROUTE_PREFIX =
            Pattern.compile("(?:[a-z]+ )?(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)(?:/(\\d+))?");
    private static final long MIN_BURST_BYTES = 32 * 1024;
    private static final long MIN_LIMIT_BYTES = 4 * 1024 * 1024;

    private final String ip;
    private final String tc;
    private final String namespace;
    private final String hostEnd;
    private final String storeEnd;
    private final int subnet;
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean namespaceCreated;
    private boolean linkCreated;

    private ShapedStoreNetwork(String ip, String tc, String namespace, String hostEnd, String storeEnd, int subnet) {
        this.ip = ip;
        this.tc = tc;
        this.namespace = namespace;
        this.hostEnd = hostEnd;
        this.storeEnd = storeEnd;
        this.subnet = subnet;
    }

    /**
     * Tells why {@link #create} cannot work here.
     *
     * @return empty when this process runs as root and finds {@code ip} and {@code tc}; otherwise the reason
     */
    public static Optional<String> missingPrerequisite() {
        List<String> missing = new ArrayList<>();
        long uid = uid();
        if (uid != 0) {
            missing.add(uid < 0 ? "cannot tell the user id (not Linux?)" : "not running as root (uid " + uid + ")");
        }
        Stream.of("ip", "tc").filter(tool -> executable(tool).isEmpty())
                .forEach(tool -> missing.add("no `" + tool + "` on the PATH, /usr/sbin or /sbin"));
        return missing.isEmpty() ? Optional.empty() : Optional.of(NEEDS + ": " + String.join("; ", missing));
    }

    /**
     * Creates namespace {@code ff-<name>-<pid>-<n>} and a veth pair into it, with a /30 in 10.200.0.0/16 to
     * 10.249.0.0/16 derived from the pid that no address or route of this host (of /16 or narrower) overlaps, and
     * brings both ends and the namespace's {@code lo} up. Nothing is capped yet.
     *
     * @param name a short label, letters, digits, {@code _.-} only; never null
     * @return the network, to be closed; never null
     * @throws IllegalArgumentException if the name is empty, too long (over 32) or has other characters
     * @throws IllegalStateException if not root, {@code ip} or {@code tc} is missing, or a command fails (the
     *     message holds the command and its stderr); whatever was created is removed again
     */
    public static ShapedStoreNetwork create(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new IllegalArgumentException("network name must be 1 to 32 of [A-Za-z0-9_.-]; got " + name);
        }
        missingPrerequisite().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        String ip = executable("ip").orElseThrow().toString();
        String tc = executable("tc").orElseThrow().toString();
        long pid = ProcessHandle.current().pid();
        int sequence = SEQUENCE.getAndIncrement();
        // Interface names are limited to 15 characters: pid < 2^22 takes at most 6 hex digits.
        String ifSuffix = Long.toHexString(pid) + (sequence == 0 ? "" : "-" + Integer.toHexString(sequence & 0xffff));
        int subnet = freeSubnet(ip, pid * 16 + sequence);
        ShapedStoreNetwork network = new ShapedStoreNetwork(ip, tc, "ff-" + name + "-" + pid + "-" + sequence,
                "ffh" + ifSuffix, "ffs" + ifSuffix, subnet);
        try {
            network.setUp();
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private void setUp() {
        run(ip, "netns", "add", namespace);
        namespaceCreated = true;
        run(ip, "link", "add", hostEnd, "type", "veth", "peer", "name", storeEnd);
        linkCreated = true;
        run(ip, "link", "set", storeEnd, "netns", namespace);
        run(ip, "addr", "add", address(subnet + 1) + "/30", "dev", hostEnd);
        run(ip, "link", "set", hostEnd, "up");
        run(ip, "-n", namespace, "addr", "add", storeHost() + "/30", "dev", storeEnd);
        run(ip, "-n", namespace, "link", "set", storeEnd, "up");
        run(ip, "-n", namespace, "link", "set", "lo", "up");
    }

    /** Returns the words that run a command inside the namespace: {@code ip netns exec <namespace>}. */
    public List<String> commandPrefix() {
        return List.of(ip, "netns", "exec", namespace);
    }

    /** Returns the namespace end's IPv4 address, where the store listens and this host reaches it. */
    public String storeHost() {
        return address(subnet + 2);
    }

    /** Returns the network namespace's name, as {@code ip netns list} shows it. */
    public String namespace() {
        return namespace;
    }

    /**
     * Caps both directions between host and store at {@code bytesPerSecond} of link-layer bytes (frames with their
     * headers, as {@code wondershaper} counts), replacing any earlier cap. Excess traffic is queued, not dropped:
     * the queue holds {@code max(4 MiB, half a second)} and the bucket {@code max(32 KiB, 10 ms)} of traffic.
     *
     * @param bytesPerSecond the rate, positive and finite
     * @throws IllegalArgumentException if the rate is not positive and finite
     * @throws IllegalStateException if closed or {@code tc} fails
     */
    public void cap(double bytesPerSecond) {
        if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
            throw new IllegalArgumentException("rate must be positive and finite; got " + bytesPerSecond);
        }
        ensureOpen();
        long rate = Math.max(1, Math.round(bytesPerSecond));
        // The bucket must refill at least once per timer tick (rate/HZ, HZ >= 100) and hold a few full frames.
        long burst = Math.max(MIN_BURST_BYTES, rate / 100);
        long limit = Math.max(MIN_LIMIT_BYTES, rate / 2);
        List<String> tbf = List.of("root", "tbf", "rate", rate * 8 + "bit", "burst", Long.toString(burst),
                "limit", Long.toString(limit));
        run(concat(List.of(tc, "qdisc", "replace", "dev", hostEnd), tbf));
        run(concat(List.of(tc, "-n", namespace, "qdisc", "replace", "dev", storeEnd), tbf));
    }

    /**
     * Removes the cap from both ends; does nothing where there is none.
     *
     * @throws IllegalStateException if closed or {@code tc} fails
     */
    public void uncap() {
        ensureOpen();
        removeTbf(List.of(tc), hostEnd);
        removeTbf(List.of(tc, "-n", namespace), storeEnd);
    }

    private void removeTbf(List<String> tcIn, String device) {
        if (run(concat(tcIn, List.of("qdisc", "show", "dev", device, "root"))).contains("qdisc tbf ")) {
            run(concat(tcIn, List.of("qdisc", "del", "dev", device, "root")));
        }
    }

    /**
     * Deletes the veth pair and the namespace. Never throws (failures are logged) and does nothing the second time.
     * Processes still running in the namespace keep it alive, unnamed, so stop the store first.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (linkCreated) {
            quietly(ip, "link", "del", hostEnd);
        }
        if (namespaceCreated) {
            quietly(ip, "netns", "del", namespace);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("network " + namespace + " is closed");
        }
    }

    private static void quietly(String... command) {
        try {
            run(command);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cleaning up the store network failed: " + e.getMessage());
        }
    }

    private static int freeSubnet(String ip, long seed) {
        String routes = run(ip, "-4", "-o", "route", "show", "table", "all");
        for (int attempt = 0; attempt < 256; attempt++) {
            // Steps of a bit more than a /16, to leave a taken /16 or /24 behind quickly.
            int subnet = SUBNET_BASE + (int) Math.floorMod(seed + attempt * 16_411L, (long) SUBNETS) * 4;
            if (!overlapsRoute(subnet, routes)) {
                return subnet;
            }
        }
        throw new IllegalStateException("no free /30 among 256 tried in 10.200.0.0-10.249.255.255: " + routes);
    }

    private static boolean overlapsRoute(int subnet, String routes) {
        for (String line : routes.split("\n")) {
            Matcher m = ROUTE_PREFIX.matcher(line.strip());
            if (!m.lookingAt()) {
                continue;
            }
            int prefix = 0;
            for (int i = 1; i <= 4; i++) {
                prefix = (prefix << 8) | Integer.parseInt(m.group(i));
            }
            int length = m.group(5) == null ? 32 : Integer.parseInt(m.group(5));
            if (length < 16) {
                // A wide route (10.0.0.0/8 through a VPN, say): the /30 only shadows its own four addresses.
                continue;
            }
            length = Math.min(30, length);
            int mask = length == 0 ? 0 : -1 << (32 - length);
            if ((prefix & mask) == (subnet & mask)) {
                return true;
            }
        }
        return false;
    }

    private static String address(int value) {
        return (value >>> 24) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
    }

    private static long uid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    private static Optional<Path> executable(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/sbin", "/sbin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static String run(String... command) {
        return run(List.of(command));
    }

    /** Runs a command to completion and returns its stdout; fails with the command and its stderr. */
    private static String run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw failed(command, e.getMessage());
        }
        FutureTask<String> out = drain(process.getInputStream());
        FutureTask<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw failed(command, "no exit within " + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw failed(command, "exit code " + process.exitValue() + ": " + err.get().strip());
            }
            return out.get();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw failed(command, "interrupted");
        } catch (ExecutionException e) {
            throw failed(command, e.getCause().toString());
        }
    }

    private static FutureTask<String> drain(InputStream in) {
        FutureTask<String> task = new FutureTask<>(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Thread.ofVirtual().name("store-network-output").start(task);
        return task;
    }

    private static IllegalStateException failed(List<String> command, String detail) {
        return new IllegalStateException(NEEDS + "; `" + String.join(" ", command) + "` failed: " + detail);
    }
}
