package io.faasflow.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Whether a presented token is one of the configured ones. Compares SHA-256 digests in constant time, so
 * neither the time of an answer nor its length tells a caller how much of a guess was right. Thread-safe.
 */
final class TokenCheck {
    private final List<byte[]> digests;

    TokenCheck(List<String> tokens) {
        this.digests = tokens.stream().map(TokenCheck::digest).toList();
    }

    boolean accepts(String presented) {
        byte[] candidate = digest(presented);
        boolean accepted = false;
        for (byte[] digest : digests) {
            accepted |= MessageDigest.isEqual(digest, candidate);
        }
        return accepted;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
