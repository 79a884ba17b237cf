package dev.ssenotify.limits.control;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One configured limit: the namespace of its buckets ({@code publish}, {@code login-account}, ...), its
 * rates, and the bucket configuration they make, built once.
 */
final class Limit {

    private final String namespace;
    private final String key;
    private final List<Rate> rates;
    private final BucketConfiguration configuration;

    /**
     * @param burst the first rate's capacity, 0 for its count: a publisher may then send that many at once
     *              while its long-run rate stays the configured one
     */
    Limit(String namespace, String key, String value, long burst) {
        this.namespace = namespace;
        this.key = key;
        this.rates = Rate.parseAll(key, value);
        if (rates.isEmpty()) {
            configuration = null;
            return;
        }
        ConfigurationBuilder builder = BucketConfiguration.builder();
        for (int i = 0; i < rates.size(); i++) {
            Rate rate = rates.get(i);
            builder.addLimit(i == 0 && burst > 0 ? rate.toBandwidth(burst) : rate.toBandwidth());
        }
        configuration = builder.build();
    }

    String namespace() {
        return namespace;
    }

    boolean off() {
        return rates.isEmpty();
    }

    BucketConfiguration configuration() {
        return configuration;
    }

    /** For messages: {@code 5 per PT1M and 20 per PT1H}. */
    String describe() {
        // The key too: the caller learns what to ask an operator to raise.
        return rates.stream().map(Rate::describe).collect(Collectors.joining(" and ")) + " (" + key + ")";
    }
}
