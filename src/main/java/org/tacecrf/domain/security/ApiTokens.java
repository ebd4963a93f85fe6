package org.tacecrf.domain.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Personal API tokens: 256 random bits, shown to the user once; only their SHA-256 is stored.
 * A slow password hash is unnecessary here because the token cannot be guessed from a dictionary.
 */
public final class ApiTokens {

    public static final String PREFIX = "tace_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The first characters, shown in the token list so a user can tell tokens apart. */
    public static String displayPrefix(String token) {
        return token.substring(0, Math.min(12, token.length()));
    }
}
