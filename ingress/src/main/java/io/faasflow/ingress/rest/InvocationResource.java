package io.faasflow.ingress.rest;

import io.faasflow.ingress.ConflictException;
import io.faasflow.ingress.InvocationCanceller;
import io.faasflow.ingress.NotFoundException;
import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.ingress.kafka.InvocationResults;
import io.faasflow.ingress.kafka.SubmittedInvocations;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * Reports the status of invocations (the latest result from the results topic, else RUNNING while one is due)
 * and cancels running ones.
 */
@Path("/invocations")
@Produces(MediaType.APPLICATION_JSON)
public class InvocationResource {
    private final InvocationResults results;
    private final SubmittedInvocations submitted;
    private final InvocationCanceller canceller;
    private final IngressSettings settings;

    @Inject
    public InvocationResource(InvocationResults results, SubmittedInvocations submitted,
            InvocationCanceller canceller, IngressSettings settings) {
        this.results = results;
        this.submitted = submitted;
        this.canceller = canceller;
        this.settings = settings;
    }

    /**
     * The invocations this ingress remembers, newest first, filtered by workflow and status; {@code next} is the
     * cursor of the following page ({@code before=}), absent on the last.
     */
    @GET
    public InvocationListing.Page list(@QueryParam("workflow") String workflow, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("before") String before) {
        return InvocationListing.page(results, submitted, settings.invocationTimeout(), workflow, status, limit, before);
    }

    /**
     * The invocation's status; 404 when it has no result and was neither submitted here nor written to
     * {@code workflow-invocations} within the last time-out window.
     */
    @GET
    @Path("/{id}")
    public InvocationView get(@PathParam("id") String id) {
        return results.find(id)
                .map(result -> InvocationView.of(id, result))
                .or(() -> submitted.find(id).map(submission -> InvocationView.awaiting(submission,
                        settings.invocationTimeout(), System.currentTimeMillis())))
                .orElseThrow(() -> NotFoundException.invocation(id));
    }

    /**
     * Asks the node schedulers to stop the invocation; 202 with its current (still running) view once Kafka took
     * the request. The status turns CANCELLED when the owning node's result arrives. 404 as for {@code GET}; 409
     * when it already ended. Repeating it while the invocation runs is allowed.
     */
    @DELETE
    @Path("/{id}")
    public Response cancel(@PathParam("id") String id) {
        InvocationView current = get(id);
        if (current.status().finished() && !current.noResult()) {
            throw new ConflictException("invocation '" + id + "' already ended with status " + current.status());
        }
        canceller.requestCancel(id);
        return Response.accepted(current.withCancelRequested())
                .location(UriBuilder.fromResource(InvocationResource.class).path("{id}").build(id))
                .build();
    }
}
