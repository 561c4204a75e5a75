package io.faasflow.scheduler.engine;

/** Why a run of a function failed, as data. */
public record FunctionError(String type, String message) {
}
