package io.faasflow.ingress;

import io.faasflow.topology.placement.ContiguousPlacement;
import io.faasflow.topology.placement.HashPlacement;
import io.faasflow.topology.placement.PlacementStrategy;

/** The placement strategies a client may ask for by name. */
public final class Placements {

    private Placements() {
    }

    /**
     * @param name {@code contiguous} (also when null or blank) or {@code hash}
     * @throws InvalidRequestException for any other name
     */
    public static PlacementStrategy byName(String name) {
        if (name == null || name.isBlank() || name.equals(ContiguousPlacement.NAME)) {
            return new ContiguousPlacement();
        }
        if (name.equals(HashPlacement.NAME)) {
            return new HashPlacement();
        }
        throw new InvalidRequestException("placement", "must be '" + ContiguousPlacement.NAME + "' or '"
                + HashPlacement.NAME + "'; got '" + name + "'");
    }
}
