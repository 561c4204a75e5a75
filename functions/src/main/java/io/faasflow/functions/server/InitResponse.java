package io.faasflow.functions.server;

/**
 * Answer to a successful {@code POST /init}.
 *
 * @param function the name of the function served
 * @param implementation the registry name of the implementation that runs it: {@code <workflow>/<source>},
 *     {@code <source>}, or {@code synthetic} in a synthetic deployment without either
 */
public record InitResponse(String function, String implementation) {
}
