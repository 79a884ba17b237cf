package dev.ssenotify.webhook.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mux's webhook signature: {@code Mux-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}.
 * Checked over the body's bytes exactly as received, with a constant-time comparison, and only within
 * {@code tolerance} of the timestamp, so a captured delivery cannot be replayed later. Several {@code v1}
 * values (Mux signs with old and new secret while a secret is rotated) and several configured secrets (the
 * receiver's side of a rotation) are accepted: any pair that matches will do.
 */
public final class MuxSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final List<byte[]> secrets;
    private final Duration tolerance;
    private final Clock clock;

    public MuxSignature(List<String> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Returns normally for a valid signature; throws {@link InvalidSignatureException} saying what is wrong. */
    public void verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            throw new InvalidSignatureException("the Mux-Signature header is missing");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.trim() : part.substring(0, eq).trim();
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            if (key.equals("t")) {
                timestamp = parseTimestamp(value, timestamp);
            } else if (key.equals("v1")) {
                signatures.add(parseHex(value));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new InvalidSignatureException("Mux-Signature needs t=<unix seconds> and v1=<hex signature>");
        }
        long age = clock.instant().getEpochSecond() - timestamp;
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw new InvalidSignatureException("the signature's timestamp is outside the tolerance of "
                    + tolerance.toSeconds() + " s");
        }
        byte[] signed = signedPayload(timestamp, body);
        boolean matched = false;
        for (byte[] secret : secrets) {
            byte[] expected = hmac(secret, signed);
            for (byte[] signature : signatures) {
                // Every pair is compared, whatever matched first: the time taken says nothing.
                matched |= MessageDigest.isEqual(expected, signature);
            }
        }
        if (!matched) {
            throw new InvalidSignatureException("the signature does not match the body");
        }
    }

    /** The hex signature of a body at a timestamp with a secret: what Mux sends (and what tests send). */
    public static String sign(String secret, long timestamp, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), signedPayload(timestamp, body)));
    }

    private static byte[] signedPayload(long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    private static Long parseTimestamp(String value, Long earlier) {
        if (earlier != null || !value.matches("\\d{1,12}")) {
            throw new InvalidSignatureException("Mux-Signature's t must be one whole number of seconds");
        }
        return Long.parseLong(value);
    }

    private static byte[] parseHex(String value) {
        if (!value.matches("[0-9a-fA-F]{64}")) {
            // A wrong-length or non-hex value can never match: treat it as a mismatch, not as the whole header.
            return new byte[0];
        }
        return HexFormat.of().parseHex(value);
    }

    private static byte[] hmac(byte[] secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
