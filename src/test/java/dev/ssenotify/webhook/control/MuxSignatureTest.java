package dev.ssenotify.webhook.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mux's signature rules, with a fixed clock and a header built the way Mux builds it. */
class MuxSignatureTest {

    private static final long NOW = 1_700_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final byte[] BODY = "{\"type\":\"video.asset.ready\",\"id\":\"e-1\",\"data\":{\"id\":\"a-1\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private final MuxSignature verifier = new MuxSignature(List.of("s3cret"), Duration.ofMinutes(5), CLOCK);

    private static String header(long t, String... secrets) {
        StringBuilder out = new StringBuilder("t=" + t);
        for (String secret : secrets) {
            out.append(",v1=").append(MuxSignature.sign(secret, t, BODY));
        }
        return out.toString();
    }

    @Test
    void aSignatureOverTheRawBodyWithinTheWindowIsValid() {
        assertDoesNotThrow(() -> verifier.verify(header(NOW, "s3cret"), BODY));
        assertDoesNotThrow(() -> verifier.verify(header(NOW - 299, "s3cret"), BODY), "just inside the tolerance");
        assertDoesNotThrow(() -> verifier.verify(" t=" + NOW + " , v1=" + MuxSignature.sign("s3cret", NOW, BODY), BODY),
                "spaces around the parts");
    }

    @Test
    void aTamperedBodyOrAnotherSecretIsRefused() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("a-1", "a-2").getBytes(StandardCharsets.UTF_8);
        assertRefused(header(NOW, "s3cret"), tampered, "does not match");
        assertRefused(header(NOW, "other"), BODY, "does not match");
        byte[] oneMoreSpace = (new String(BODY, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        assertRefused(header(NOW, "s3cret"), oneMoreSpace, "does not match");
    }

    @Test
    void anOldOrFutureTimestampIsRefusedEvenWithARightSignature() {
        assertRefused(header(NOW - 301, "s3cret"), BODY, "tolerance");
        assertRefused(header(NOW + 301, "s3cret"), BODY, "tolerance");
        // A right signature for another timestamp does not carry over to this one.
        assertRefused("t=" + NOW + ",v1=" + MuxSignature.sign("s3cret", NOW - 1, BODY), BODY, "does not match");
    }

    @Test
    void rotationAcceptsAnyOfSeveralSignaturesAndAnyOfSeveralSecrets() {
        assertDoesNotThrow(() -> verifier.verify(header(NOW, "old-secret", "s3cret"), BODY), "Mux signs with both");
        MuxSignature rotating = new MuxSignature(List.of("new-secret", "s3cret"), Duration.ofMinutes(5), CLOCK);
        assertDoesNotThrow(() -> rotating.verify(header(NOW, "s3cret"), BODY), "the receiver knows both");
        assertDoesNotThrow(() -> rotating.verify(header(NOW, "new-secret"), BODY));
        assertDoesNotThrow(() -> verifier.verify("t=" + NOW + ",v1=abc,v1=" + MuxSignature.sign("s3cret", NOW, BODY), BODY),
                "a malformed v1 beside a right one");
    }

    @Test
    void aMissingOrMalformedHeaderIsRefused() {
        assertRefused(null, BODY, "missing");
        assertRefused("", BODY, "missing");
        assertRefused("v1=" + MuxSignature.sign("s3cret", NOW, BODY), BODY, "needs t=");
        assertRefused("t=" + NOW, BODY, "needs t=");
        assertRefused("t=soon,v1=" + MuxSignature.sign("s3cret", NOW, BODY), BODY, "whole number");
        assertRefused("t=" + NOW + ",t=" + NOW + ",v1=" + MuxSignature.sign("s3cret", NOW, BODY), BODY, "one whole number");
        assertRefused("t=" + NOW + ",v1=zz", BODY, "does not match");
    }

    private void assertRefused(String header, byte[] body, String because) {
        InvalidSignatureException e = assertThrows(InvalidSignatureException.class, () -> verifier.verify(header, body));
        assertTrue(e.getMessage().contains(because), e.getMessage());
    }
}
