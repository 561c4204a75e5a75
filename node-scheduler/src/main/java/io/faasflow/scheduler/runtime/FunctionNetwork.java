package io.faasflow.scheduler.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Docker network function containers run on when it is not the host's, and how they reach the node's stores
 * from it: a store the scheduler reaches on loopback is relayed from the network's gateway ({@link StoreRelay});
 * any other address is passed on as it is (a compose service name, another host). The default network,
 * {@link DockerSettings#DEFAULT_NETWORK}, is created when missing; any other must exist. Thread-safe.
 */
final class FunctionNetwork implements AutoCloseable {
    private final String name;
    private final InetAddress gateway;
    private final Map<String, StoreRelay> relays = new ConcurrentHashMap<>();

    private FunctionNetwork(String name, InetAddress gateway) {
        this.name = name;
        this.gateway = gateway;
    }

    /** A network whose containers reach this host at {@code gateway}. */
    static FunctionNetwork withGateway(String name, InetAddress gateway) {
        return new FunctionNetwork(name, gateway);
    }

    static FunctionNetwork on(DockerClient docker, String name) {
        Network network;
        try {
            network = docker.inspectNetworkCmd().withNetworkId(name).exec();
        } catch (NotFoundException e) {
            if (!DockerSettings.DEFAULT_NETWORK.equals(name)) {
                throw new IllegalStateException("the Docker engine has no network " + name + " (faasflow.docker.network):"
                        + " create it, or run the scheduler on the network the compose file makes", e);
            }
            try {
                docker.createNetworkCmd().withName(name).withDriver("bridge")
                        .withLabels(Map.of("io.faasflow.network", "functions")).exec();
            } catch (ConflictException raced) {
                // Another scheduler of this engine created it first.
            }
            network = docker.inspectNetworkCmd().withNetworkId(name).exec();
        }
        List<Network.Ipam.Config> configs = network.getIpam() == null ? List.of() : network.getIpam().getConfig();
        String gateway = configs.stream().map(Network.Ipam.Config::getGateway).filter(g -> g != null && !g.isBlank())
                .findFirst().orElse(null);
        if (gateway == null) {
            throw new IllegalStateException("Docker network " + name + " has no gateway address; function containers"
                    + " on it could not reach this node's stores (faasflow.docker.network)");
        }
        try {
            return new FunctionNetwork(name, InetAddress.getByName(gateway));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Docker network " + name + " has the gateway '" + gateway + "'", e);
        }
    }

    /** {@code storage} as a container on this network reaches it. */
    StorageSettings reachable(StorageSettings storage) {
        return new StorageSettings(reachable(storage.redisUri(), 6379), reachable(storage.couchUrl(), 5984),
                storage.couchDatabase(), storage.dataTtlSeconds());
    }

    private String reachable(String address, int defaultPort) {
        URI uri = URI.create(address);
        String host = uri.getHost();
        if (host == null || !isLoopback(host)) {
            return address;
        }
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        StoreRelay relay = relays.computeIfAbsent(host + ":" + port,
                key -> StoreRelay.start(gateway, new InetSocketAddress(host, port)));
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), relay.host(), relay.port(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot relay " + uri.getScheme() + "://" + host + ":" + port, e);
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        relays.values().forEach(StoreRelay::close);
        relays.clear();
    }
}
