package io.faasflow.storage.containers;

import java.util.Map;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Testcontainers' image substitution (registered in testcontainers.properties): with {@link LocalImages#enabled()},
 * apache/kafka, redis and couchdb become the stand-ins that compose/build-images.sh builds (and builds here first);
 * otherwise every name is left as it is, for a machine that can pull the official images.
 */
public final class StandInImageSubstitutor extends ImageNameSubstitutor {
    /** Official repository to its stand-in and the build-images.sh name of that stand-in. */
    private static final Map<String, String[]> STAND_INS = Map.of(
            "apache/kafka", new String[] {"faasflow/kafka-local:latest", "kafka"},
            "redis", new String[] {"faasflow/redis-local:latest", "redis"},
            "couchdb", new String[] {"faasflow/couchdb-local:latest", "couchdb"});

    @Override
    public DockerImageName apply(DockerImageName original) {
        String[] standIn = STAND_INS.get(original.getRepository());
        if (standIn == null || !LocalImages.enabled()) {
            return original;
        }
        LocalImages.build(standIn[1]);
        return DockerImageName.parse(standIn[0]).asCompatibleSubstituteFor(original);
    }

    @Override
    protected String getDescription() {
        return "faasflow local stand-ins (" + LocalImages.SETTING + "=1)";
    }
}
