package io.faasflow.ingress.rest;

import io.faasflow.ingress.InvocationSubmitter;
import io.faasflow.ingress.NotFoundException;
import io.faasflow.ingress.kafka.InvocationResults;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Reports the status of invocations: the latest result from the results topic, else RUNNING if submitted here. */
@Path("/invocations")
@Produces(MediaType.APPLICATION_JSON)
public class InvocationResource {
    private final InvocationResults results;
    private final InvocationSubmitter submitter;

    @Inject
    public InvocationResource(InvocationResults results, InvocationSubmitter submitter) {
        this.results = results;
        this.submitter = submitter;
    }

    @GET
    @Path("/{id}")
    public InvocationView get(@PathParam("id") String id) {
        return results.find(id)
                .map(result -> InvocationView.of(id, result))
                .or(() -> submitter.submitted(id).map(InvocationView::running))
                .orElseThrow(() -> NotFoundException.invocation(id));
    }
}
