package dev.ssenotify.identity.control;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.X509CertUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;

/**
 * Where the verification keys come from, in the forms MP JWT allows: a PEM public key or certificate, a JWK
 * or JWKS (each possibly base64-encoded), inline or at a location; an {@code http(s)} location is a JWKS
 * endpoint, fetched on first use, cached and refreshed when a token names a key id it has not seen (the
 * provider rotated its keys). Decoding only: the library does the cryptography.
 */
final class PublicKeys {

    private static final int FETCH_TIMEOUT_MILLIS = 5_000;

    private PublicKeys() {
    }

    /** The key source the settings name; throws IllegalStateException for a key that cannot be read. */
    static JWKSource<SecurityContext> of(TokenSettings settings) {
        if (settings.publicKey().isPresent()) {
            return new ImmutableJWKSet<>(parse(settings.publicKey().get(), "mp.jwt.verify.publickey"));
        }
        String location = settings.location().orElseThrow();
        if (location.startsWith("https://") || location.startsWith("http://")) {
            try {
                return JWKSourceBuilder.create(URI.create(location).toURL(),
                                new com.nimbusds.jose.util.DefaultResourceRetriever(FETCH_TIMEOUT_MILLIS,
                                        FETCH_TIMEOUT_MILLIS, 1024 * 1024))
                        .build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("mp.jwt.verify.publickey.location is not a valid URL", e);
            }
        }
        return new ImmutableJWKSet<>(parse(read(location), "mp.jwt.verify.publickey.location " + location));
    }

    static JWKSet parse(String text, String origin) {
        String value = text.trim();
        try {
            if (value.startsWith("{")) {
                return value.contains("\"keys\"") ? JWKSet.parse(value) : new JWKSet(JWK.parse(value));
            }
            if (value.startsWith("-----BEGIN CERTIFICATE")) {
                return new JWKSet(fromCertificate(X509CertUtils.parse(value)));
            }
            if (value.startsWith("-----BEGIN")) {
                return new JWKSet(fromKey(der(value.replaceAll("-----[A-Z ]+-----", ""))));
            }
            byte[] decoded = der(value);
            String asText = new String(decoded, StandardCharsets.UTF_8).trim();
            return asText.startsWith("{") ? parse(asText, origin) : new JWKSet(fromKey(decoded));
        } catch (ParseException | IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException(origin + " holds no public key sse-notify can read: use a PEM public "
                    + "key or certificate, or a JWK or JWKS", e);
        }
    }

    private static byte[] der(String base64) {
        String compact = base64.replaceAll("\\s", "");
        return compact.contains("-") || compact.contains("_")
                ? Base64.getUrlDecoder().decode(compact)
                : Base64.getDecoder().decode(compact);
    }

    private static JWK fromKey(byte[] der) throws GeneralSecurityException {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return fromPublicKey(KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der)));
            } catch (java.security.spec.InvalidKeySpecException e) {
                // not this key type; try the next
            }
        }
        throw new GeneralSecurityException("neither an RSA nor an EC public key");
    }

    private static JWK fromCertificate(X509Certificate certificate) throws GeneralSecurityException {
        if (certificate == null) {
            throw new GeneralSecurityException("not an X.509 certificate");
        }
        return fromPublicKey(certificate.getPublicKey());
    }

    private static JWK fromPublicKey(PublicKey key) throws GeneralSecurityException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            return new ECKey.Builder(com.nimbusds.jose.jwk.Curve.forECParameterSpec(ec.getParams()), ec).build();
        }
        throw new GeneralSecurityException("only RSA and EC keys are supported");
    }

    private static String read(String location) {
        String path = location.startsWith("file:") ? URI.create(location).getPath()
                : location.startsWith("classpath:") ? null : location;
        if (path != null && Files.isRegularFile(Path.of(path))) {
            try {
                return Files.readString(Path.of(path));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + location, e);
            }
        }
        String resource = location.replaceFirst("^classpath:", "").replaceFirst("^/", "");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : PublicKeys.class.getClassLoader()).getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("mp.jwt.verify.publickey.location " + location
                        + " is neither a file nor a class-path resource");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + location, e);
        }
    }
}
