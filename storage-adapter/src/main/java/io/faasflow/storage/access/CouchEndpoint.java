package io.faasflow.storage.access;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A CouchDB URL split into where it points and whom it logs in as: {@code http://user:password@host:5984} is
 * {@code http://host:5984} with Basic credentials. {@link #toString()} never shows the password.
 *
 * @param base the URL without credentials, without a trailing slash
 * @param user the user name, or null for anonymous requests
 * @param password the password, or null with no user
 */
public record CouchEndpoint(URI base, String user, String password) {

    /**
     * Parses {@code url}; {@code setting} names where it came from in the error.
     *
     * @throws IllegalArgumentException when it is no http(s) URL with a host
     */
    public static CouchEndpoint parse(String setting, String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(setting + " must be an http or https URL with a host, e.g. "
                    + "http://user:password@127.0.0.1:5984");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        URI base = URI.create(scheme + "://" + hostPart(uri) + path);
        return new CouchEndpoint(base, user, password);
    }

    private static String hostPart(URI uri) {
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public boolean hasCredentials() {
        return user != null;
    }

    /** The Basic {@code Authorization} header of these credentials, when there are any. */
    public Optional<String> authorization() {
        if (!hasCredentials()) {
            return Optional.empty();
        }
        byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
    }

    /** The URL of {@code path} below the base, e.g. {@code /_session}. */
    public URI resolve(String path) {
        return URI.create(base + path);
    }

    @Override
    public String toString() {
        return hasCredentials() ? base.getScheme() + "://" + user + ":***@" + base.getRawAuthority() + base.getRawPath()
                : base.toString();
    }
}
