package dev.ssenotify.limits.control;


import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Where the buckets live: in this instance's heap ({@link LocalBucketStore}) or in Redis, shared by every
 * instance ({@code cluster.control.RedisBucketStore}).
 */
public interface BucketStore {

    /** Ids longer than this are stored as their hash: callers choose ids, and a megabyte name must not cost a megabyte. */
    int MAX_ID_LENGTH = 128;

    /**
     * The bucket of {@code id} under the limit {@code namespace}; a new one, made with {@code configuration},
     * when there is none. May throw when the store is unreachable.
     */
    Bucket bucket(String namespace, String id, Supplier<BucketConfiguration> configuration);

    /** Forgets buckets that are full again: a new bucket starts full, so nothing is lost. */
    void sweep();

    /** {@code namespace:id}, with an id too long replaced by its SHA-256. */
    static String key(String namespace, String id) {
        if (id.length() <= MAX_ID_LENGTH) {
            return namespace + ":" + id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return namespace + ":sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
