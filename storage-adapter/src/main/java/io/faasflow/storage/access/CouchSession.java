package io.faasflow.storage.access;

import java.util.List;

/**
 * Whom CouchDB takes a request's credentials for, as {@code GET /_session} answers.
 *
 * @param name the user, or null when the request is anonymous
 * @param roles the user's roles; a server admin has {@code _admin}
 */
public record CouchSession(String name, List<String> roles) {
    public static final String ADMIN_ROLE = "_admin";

    public CouchSession {
        roles = List.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }
}
