package io.faasflow.experiments.cluster;

import java.security.SecureRandom;
import java.util.Base64;

/** Bearer tokens for the ingress: 32 random bytes, URL-safe Base64 (43 characters). */
public final class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
