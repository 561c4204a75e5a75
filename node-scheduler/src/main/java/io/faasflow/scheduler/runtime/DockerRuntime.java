package io.faasflow.scheduler.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each container as a Docker container of the function server image, through docker-java: create (labelled
 * with node, workflow, version, function and owner; memory limit from the spec, no swap), start, wait for the
 * server's ready line in the container's output, {@code /init}; {@link DockerContainer#close()} removes it.
 * Containers run on a Docker network of their own by default ({@link DockerSettings#DEFAULT_NETWORK}, created when
 * missing), reach stores the scheduler reaches on loopback through relays on that network's gateway
 * ({@link FunctionNetwork}) and are reached at their address on it; with {@code host} they share the host's
 * network instead. Either way the engine must run on the scheduler's host.
 */
public final class DockerRuntime implements ContainerRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(DockerRuntime.class);
    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(60);

    private final DockerSettings settings;
    private final DockerClient docker;
    private final HttpClient http;
    /** Containers this runtime created and has not removed yet. */
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    private volatile AutoCloseableCallback<Event> deaths;
    private volatile boolean closed;
    /** The containers' network and its store relays; null on the host's network. */
    private final FunctionNetwork network;

    private DockerRuntime(DockerSettings settings, DockerClient docker, FunctionNetwork network) {
        this.settings = settings;
        this.docker = docker;
        this.network = network;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        followDeaths();
    }

    /**
     * The pool asks whether a container is alive while it holds a lock: the answer must be local, so the engine's
     * die events are followed here instead of asking the engine each time. A stream that ends (the engine
     * restarted) is followed again.
     */
    private void followDeaths() {
        if (closed) {
            return;
        }
        deaths = docker.eventsCmd()
                .withEventFilter("die")
                .withLabelFilter(ContainerSpec.LABEL_NODE)
                .exec(new AutoCloseableCallback<>(event -> {
                    if (event.getId() != null && created.contains(event.getId())) {
                        dead.add(event.getId());
                    }
                }, this::eventsEnded));
    }

    private void eventsEnded(Throwable error) {
        if (closed) {
            return;
        }
        LOG.warn("the Docker engine's event stream ended ({}); following it again", error == null ? "completed" : error.toString());
        try {
            Thread.sleep(1_000);
            followDeaths();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("cannot follow the Docker engine's events any more: dead containers are found on their next run", e);
        }
    }

    /**
     * Connects to the engine and checks the image is there.
     *
     * @throws IllegalStateException when the engine does not answer or has no such image, saying how to fix it
     */
    public static DockerRuntime connect(DockerSettings settings) {
        DockerClient docker = client(settings.host(), ENGINE_TIMEOUT);
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            closeQuietly(docker);
            throw new IllegalStateException("the Docker engine at " + settings.host() + " does not answer (" + e.getMessage()
                    + "): start dockerd (tools/start-docker.sh), or choose faasflow.runtime=process", e);
        }
        try {
            docker.inspectImageCmd(settings.image()).exec();
        } catch (NotFoundException e) {
            closeQuietly(docker);
            throw new IllegalStateException("the Docker engine at " + settings.host() + " has no image " + settings.image()
                    + ": build it with compose/build-function-image.sh (no registry is needed)", e);
        }
        FunctionNetwork network = null;
        if (!settings.hostNetwork()) {
            try {
                network = FunctionNetwork.on(docker, settings.network());
            } catch (RuntimeException e) {
                closeQuietly(docker);
                throw e;
            }
        }
        return new DockerRuntime(settings, docker, network);
    }

    /** The engine's version when one answers at {@code host} within {@code timeout}; empty otherwise. */
    public static Optional<String> probe(String host, Duration timeout) {
        DockerClient docker;
        try {
            docker = client(host, timeout);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(docker.versionCmd().exec().getVersion());
        } catch (RuntimeException e) {
            LOG.debug("no Docker engine at {}: {}", host, e.toString());
            return Optional.empty();
        } finally {
            closeQuietly(docker);
        }
    }

    @Override
    public String name() {
        return "docker";
    }

    /** The settings this runtime starts containers with. */
    public DockerSettings settings() {
        return settings;
    }

    @Override
    public DockerContainer start(ContainerSpec spec) throws InterruptedException {
        String id = create(spec);
        DockerContainer container = null;
        try {
            DockerOutput output = DockerOutput.follow(docker, id);
            docker.startContainerCmd(id).exec();
            int port = output.awaitPort(ProcessRuntime.READY_TIMEOUT);
            container = new DockerContainer(id, address(id), port, http, this, output);
            container.initialise(network == null ? spec : spec.withStorage(network.reachable(spec.storage())),
                    ProcessRuntime.INIT_TIMEOUT);
            // Its output was for start-up errors; an attach stream per container would hold an engine connection.
            output.stop();
            return container;
        } catch (TimeoutException e) {
            throw startFailed(id, container, spec, "its server did not announce its port within "
                    + ProcessRuntime.READY_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw startFailed(id, container, spec, "its server never became ready: " + e.getCause().getMessage(), e.getCause());
        } catch (ContainerException | DockerException e) {
            throw startFailed(id, container, spec, e.getMessage(), e);
        } catch (InterruptedException | RuntimeException e) {
            remove(id);
            throw e;
        }
    }

    private String create(ContainerSpec spec) {
        HostConfig host = ContainerConfinement.apply(HostConfig.newHostConfig().withNetworkMode(settings.network()),
                settings, spec.memoryLimitBytes());
        try {
            CreateContainerResponse created = docker.createContainerCmd(settings.image())
                    .withLabels(spec.labels())
                    .withCmd("--host", settings.hostNetwork() ? "127.0.0.1" : "0.0.0.0", "--port", "0")
                    .withUser(ContainerConfinement.USER)
                    .withHostConfig(host)
                    .exec();
            this.created.add(created.getId());
            if (closed) {
                remove(created.getId());
                throw new ContainerStartException("the docker runtime was closed during a cold start of " + spec.key());
            }
            return created.getId();
        } catch (NotFoundException e) {
            throw new ContainerStartException("cannot create a container of " + settings.image() + " for " + spec.key()
                    + ": the image is missing; build it with compose/build-function-image.sh", e);
        } catch (DockerException e) {
            throw new ContainerStartException("the Docker engine refused a container of " + settings.image() + " for "
                    + spec.key() + ": " + e.getMessage(), e);
        }
    }

    /** Where the scheduler reaches the container's server: loopback on the host's network, else its network address. */
    private String address(String id) {
        if (settings.hostNetwork()) {
            return "127.0.0.1";
        }
        ContainerNetwork network = docker.inspectContainerCmd(id).exec().getNetworkSettings().getNetworks()
                .get(settings.network());
        if (network == null || network.getIpAddress() == null || network.getIpAddress().isBlank()) {
            throw new ContainerStartException("docker container " + shortId(id) + " has no address on network "
                    + settings.network() + " (faasflow.docker.network)");
        }
        return network.getIpAddress();
    }

    private ContainerStartException startFailed(String id, DockerContainer container, ContainerSpec spec, String why,
            Throwable cause) {
        String tail = container != null ? container.logTail() : "";
        if (container == null) {
            remove(id);
        } else {
            container.close();
        }
        return new ContainerStartException("cold start of " + spec.key() + " in docker container " + shortId(id)
                + " failed: " + why + tail, cause);
    }

    /**
     * Removes every container, running or not, that carries owner label {@code owner}: what a scheduler left
     * behind before it restarted. Containers of other owners are left alone.
     *
     * @return how many were removed
     */
    public int removeOwned(String owner) {
        List<Container> owned = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerSpec.LABEL_OWNER, owner))
                .exec();
        for (Container container : owned) {
            remove(container.getId());
        }
        if (!owned.isEmpty()) {
            LOG.info("removed {} containers that owner {} left behind", owned.size(), owner);
        }
        return owned.size();
    }

    /** Ids of the running containers of {@code owner}, for tests and for the operator's view. */
    public List<String> runningOf(String owner) {
        return docker.listContainersCmd()
                .withLabelFilter(Map.of(ContainerSpec.LABEL_OWNER, owner))
                .exec().stream().map(Container::getId).toList();
    }

    boolean died(String id) {
        return dead.contains(id);
    }

    /** Kills and removes a container; a container already gone is fine. */
    void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException gone) {
            // removed already
        } catch (RuntimeException e) {
            LOG.warn("could not remove docker container {}: {}", shortId(id), e.toString());
        } finally {
            created.remove(id);
            dead.remove(id);
        }
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static DockerClient client(String host, Duration timeout) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        DockerHttpClient transport = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(200)
                .connectionTimeout(Duration.ofSeconds(Math.min(5, Math.max(1, timeout.toSeconds()))))
                .responseTimeout(timeout)
                .build();
        return DockerClientImpl.getInstance(config, transport);
    }

    private static void closeQuietly(DockerClient docker) {
        try {
            docker.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a docker client failed: {}", e.toString());
        }
    }

    /** Removes the containers this runtime created that are still there (a cold start under way at close). */
    @Override
    public void close() {
        closed = true;
        List.copyOf(created).forEach(this::remove);
        AutoCloseableCallback<Event> events = deaths;
        if (events != null) {
            events.close();
        }
        http.close();
        closeQuietly(docker);
        if (network != null) {
            network.close();
        }
    }

    /** A result callback that hands each item to a consumer and can be closed from outside. */
    static final class AutoCloseableCallback<T> extends ResultCallback.Adapter<T> {
        private final java.util.function.Consumer<T> consumer;
        private final java.util.function.Consumer<Throwable> ended;

        /** @param ended called when the stream ends, with its error or null */
        AutoCloseableCallback(java.util.function.Consumer<T> consumer, java.util.function.Consumer<Throwable> ended) {
            this.consumer = consumer;
            this.ended = ended;
        }

        @Override
        public void onNext(T item) {
            consumer.accept(item);
        }

        @Override
        public void onError(Throwable error) {
            super.onError(error);
            Thread.ofVirtual().start(() -> ended.accept(error));
        }

        @Override
        public void onComplete() {
            super.onComplete();
            Thread.ofVirtual().start(() -> ended.accept(null));
        }

        @Override
        public void close() {
            try {
                super.close();
            } catch (IOException e) {
                LOG.debug("closing a docker stream failed: {}", e.toString());
            }
        }
    }
}
