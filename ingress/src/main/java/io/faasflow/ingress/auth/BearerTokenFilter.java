package io.faasflow.ingress.auth;

import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.ingress.rest.ErrorView;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a call to the API through only with {@code Authorization: Bearer <token>} naming one of the configured
 * tokens; anything else is answered 401 with a body saying what is missing. Runs before routing, so an
 * unauthenticated caller learns nothing of which workflows or invocations exist. Health ({@code /q/health}) is
 * not a resource of the API and stays open for probes.
 */
public class BearerTokenFilter {
    private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);
    private static final String SCHEME = "Bearer ";

    // Filters are built before the configuration is read at run time; the settings are looked up per call.
    private final Provider<IngressSettings> settings;
    private volatile TokenCheck check;

    @Inject
    public BearerTokenFilter(Provider<IngressSettings> settings) {
        this.settings = settings;
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        String problem = problemOf(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (problem == null) {
            return null;
        }
        LOG.warnf("401 %s %s: %s", request.getMethod(), request.getUriInfo().getPath(), problem);
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"faasflow\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorView("Unauthorized", problem, false, HttpHeaders.AUTHORIZATION, null))
                .build();
    }

    /** What is wrong with the request's Authorization headers, or null when it carries an accepted token. */
    private String problemOf(List<String> headers) {
        if (headers == null || headers.isEmpty()) {
            return "this API needs a bearer token: send 'Authorization: Bearer <token>' (the ingress's"
                    + " FAASFLOW_API_TOKEN; ./faasflow up writes it to .faasflow/api-token)";
        }
        if (headers.size() > 1) {
            return "send one Authorization header, not " + headers.size();
        }
        String header = headers.getFirst();
        if (header.length() < SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            int space = header.indexOf(' ');
            String scheme = space < 0 ? header : header.substring(0, space);
            return "Authorization must be 'Bearer <token>'; got the scheme '"
                    + (scheme.length() <= 20 ? scheme : scheme.substring(0, 20) + "...") + "'";
        }
        if (!tokens().accepts(header.substring(SCHEME.length()).trim())) {
            return "the bearer token is not one this ingress accepts";
        }
        return null;
    }

    private TokenCheck tokens() {
        TokenCheck current = check;
        if (current == null) {
            current = new TokenCheck(settings.get().apiTokens());
            check = current;
        }
        return current;
    }
}
