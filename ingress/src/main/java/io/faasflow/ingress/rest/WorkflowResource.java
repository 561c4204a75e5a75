package io.faasflow.ingress.rest;

import io.faasflow.ingress.InvocationSubmitter;
import io.faasflow.ingress.NotFoundException;
import io.faasflow.ingress.RequestBodies;
import io.faasflow.ingress.WorkflowDeployer;
import io.faasflow.ingress.kafka.WorkflowRegistry;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.InvocationRecord;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/**
 * Deploys workflows and starts their invocations.
 *
 * <p>{@code curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/yaml' --data-binary @flat_workflow.yaml
 * 'localhost:8080/workflows/genome?synthetic=true'}
 */
@Path("/workflows")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {
    private final WorkflowDeployer deployer;
    private final WorkflowRegistry registry;
    private final InvocationSubmitter submitter;

    @Inject
    public WorkflowResource(WorkflowDeployer deployer, WorkflowRegistry registry, InvocationSubmitter submitter) {
        this.deployer = deployer;
        this.registry = registry;
        this.submitter = submitter;
    }

    /** Deploys a new version of {@code name} from flat YAML; 201 with the plan. */
    @POST
    @Path("/{name}")
    @Consumes(MediaType.WILDCARD)
    public Response deploy(@PathParam("name") String name, @QueryParam("synthetic") String synthetic,
            @QueryParam("placement") String placement, @QueryParam("max_containers") String maxContainers,
            @QueryParam("admission") String admission, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] yaml) {
        ContentTypes.require(contentType, ContentTypes.YAML, yaml);
        DeployedWorkflow deployed = deployer.deploy(name, RequestBodies.utf8("body", yaml),
                QueryParameters.flag("synthetic", synthetic), placement,
                QueryParameters.integer("max_containers", maxContainers), admission);
        return Response.created(locationOf(deployed.name())).entity(DeploymentView.of(deployed)).build();
    }

    private static URI locationOf(String workflow) {
        return UriBuilder.fromResource(WorkflowResource.class).path("{name}").build(workflow);
    }

    /** Re-partitions {@code name} from observed output sizes; 201 with the new version's plan. */
    @POST
    @Path("/{name}/replan")
    public Response replan(@PathParam("name") String name) {
        DeployedWorkflow deployed = deployer.replan(name);
        return Response.created(locationOf(deployed.name())).entity(DeploymentView.of(deployed)).build();
    }

    /**
     * Deletes {@code name}; 200 with the deletion ({@code workflow}, {@code version}, {@code deletedAt}). New
     * invocations get 404; running ones finish.
     */
    @DELETE
    @Path("/{name}")
    public java.util.Map<String, Object> delete(@PathParam("name") String name) {
        io.faasflow.topology.wire.WorkflowDeletion deletion = deployer.delete(name);
        return java.util.Map.of("workflow", deletion.name(), "version", deletion.version(), "deletedAt", deletion.deletedAt());
    }

    /** The latest deployment of every workflow, by name, without plans. */
    @GET
    public java.util.Map<String, java.util.List<WorkflowSummary>> list() {
        return java.util.Map.of("workflows", registry.all().stream().map(WorkflowSummary::of)
                .sorted(java.util.Comparator.comparing(WorkflowSummary::workflow)).toList());
    }

    /** The latest deployment of {@code name}. */
    @GET
    @Path("/{name}")
    public DeploymentView get(@PathParam("name") String name) {
        return registry.find(name).map(DeploymentView::of).orElseThrow(() -> NotFoundException.workflow(name));
    }

    /** Starts one invocation; the body is a JSON object of global inputs (empty for none); 202 with its id. */
    @POST
    @Path("/{name}/invocations")
    @Consumes(MediaType.WILDCARD)
    public Response invoke(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        ContentTypes.require(contentType, ContentTypes.JSON, body);
        InvocationRecord record = submitter.submit(name, body);
        return Response.accepted(new InvocationAccepted(record.id()))
                .location(UriBuilder.fromResource(InvocationResource.class).path("{id}").build(record.id()))
                .build();
    }
}
