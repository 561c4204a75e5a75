package io.faasflow.ingress.rest;

import io.faasflow.ingress.IngressException;
import io.faasflow.ingress.ConflictException;
import io.faasflow.ingress.InvalidRequestException;
import io.faasflow.ingress.NotFoundException;
import io.faasflow.ingress.PayloadTooLargeException;
import io.faasflow.ingress.UnavailableException;
import io.faasflow.ingress.UnsupportedMediaTypeException;
import io.faasflow.topology.load.WorkflowDefinitionException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * The one place that turns exceptions into answers: 400 for a bad definition or request, 413 for one over a size
 * limit, 415 for a body of a content type not taken, 404 for an unknown
 * workflow or invocation, 409 for a request the current state does not allow, 503 (retryable) when Kafka or the
 * node schedulers are not there yet, 500 otherwise; always an {@link ErrorView} JSON body. Logs 4xx at WARN and
 * 5xx at ERROR.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Exception exception) {
        int status = statusOf(exception);
        ErrorView body = bodyOf(exception, status);
        if (status >= 500 && exception instanceof IngressException && exception.getCause() == null) {
            LOG.errorf("%d %s: %s", status, body.type(), body.message());
        } else if (status >= 500) {
            LOG.errorf(exception, "%d %s: %s", status, body.type(), body.message());
        } else {
            LOG.warnf("%d %s: %s", status, body.type(), body.message());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static int statusOf(Exception exception) {
        return switch (exception) {
            case WorkflowDefinitionException e -> 400;
            case PayloadTooLargeException e -> 413;
            case UnsupportedMediaTypeException e -> 415;
            case InvalidRequestException e -> 400;
            case NotFoundException e -> 404;
            case ConflictException e -> 409;
            case UnavailableException e -> 503;
            case NotSupportedException e -> 415;
            case WebApplicationException e -> e.getResponse().getStatus();
            default -> 500;
        };
    }

    private static ErrorView bodyOf(Exception exception, int status) {
        return switch (exception) {
            case WorkflowDefinitionException e ->
                    new ErrorView("WorkflowDefinitionException", e.getMessage(), false, null, e.problems());
            case InvalidRequestException e -> new ErrorView(e.type(), e.getMessage(), false, e.field(), null);
            case IngressException e -> new ErrorView(e.type(), e.getMessage(), e.retryable(), null, null);
            // Thrown by the framework for a Content-Type it cannot parse, before ContentTypes sees it.
            case NotSupportedException e -> new ErrorView("UnsupportedMediaType", "Content-Type: " + e.getMessage(),
                    false, "Content-Type", null);
            case WebApplicationException e ->
                    new ErrorView(e.getClass().getSimpleName(), e.getMessage(), status >= 500, null, null);
            default -> new ErrorView("InternalError", exception.getClass().getSimpleName() + ": "
                    + exception.getMessage(), false, null, null);
        };
    }
}
