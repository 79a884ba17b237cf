package dev.ssenotify.limits.control;

import dev.ssenotify.limits.entity.RateLimitedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate limits: publishes per publisher, failed logins per account and per address, new streams per
 * address (see the package description for what each protects). Buckets live in the {@link BucketStore}
 * the cluster mode picks: this heap, or Redis so that every instance draws from the same ones. When the
 * store fails, every check passes: availability first.
 */
@ApplicationScoped
public class RateLimits {


    @Inject
    @ConfigProperty(name = "sse.publish.rate", defaultValue = "100/PT1S")
    String publishRate;
    @Inject
    @ConfigProperty(name = "sse.publish.burst", defaultValue = "0")
    long publishBurst;
    @Inject
    @ConfigProperty(name = "sse.auth.login-rate.account", defaultValue = "5/PT1M,20/PT1H")
    String loginAccountRate;
    @Inject
    @ConfigProperty(name = "sse.auth.login-rate.address", defaultValue = "20/PT1M,200/PT1H")
    String loginAddressRate;
    @Inject
    @ConfigProperty(name = "sse.connect.rate", defaultValue = "300/PT1M")
    String connectRate;
    @Inject
    BucketStore store;

    private Limit publish;
    private Limit loginAccount;
    private Limit loginAddress;
    private Limit connect;
    private FailOpenBuckets buckets;

    /** For CDI. */
    protected RateLimits() {
    }

    /** The config values as they would be read, and a store: for tests. */
    public RateLimits(String publishRate, long publishBurst, String loginAccountRate, String loginAddressRate,
            String connectRate, BucketStore store) {
        this.publishRate = publishRate;
        this.publishBurst = publishBurst;
        this.loginAccountRate = loginAccountRate;
        this.loginAddressRate = loginAddressRate;
        this.connectRate = connectRate;
        configure();
        this.buckets = new FailOpenBuckets(store);
    }

    @PostConstruct
    void init() {
        configure();
        buckets = new FailOpenBuckets(store);
    }

    private void configure() {
        if (publishBurst < 0) {
            throw new IllegalStateException("sse.publish.burst must be 0 (the rate's count) or more, got " + publishBurst);
        }
        publish = new Limit("publish", "sse.publish.rate", publishRate, publishBurst);
        loginAccount = new Limit("login-account", "sse.auth.login-rate.account", loginAccountRate, 0);
        loginAddress = new Limit("login-address", "sse.auth.login-rate.address", loginAddressRate, 0);
        connect = new Limit("connect", "sse.connect.rate", connectRate, 0);
    }

    /** Counts one publish by {@code publisherKey}; refuses it past {@code sse.publish.rate}. */
    public void publish(String publisherKey) throws RateLimitedException {
        long wait = buckets.take(publish, Objects.requireNonNull(publisherKey, "publisherKey"));
        if (wait > 0) {
            throw new RateLimitedException("publish",
                    "publishing is limited to " + publish.describe() + " for this publisher", Duration.ofNanos(wait));
        }
    }

    /** Counts one new stream from {@code address}; refuses it past {@code sse.connect.rate}. */
    public void connect(String address) throws RateLimitedException {
        long wait = buckets.take(connect, Objects.requireNonNull(address, "address"));
        if (wait > 0) {
            throw new RateLimitedException("connect",
                    "opening streams is limited to " + connect.describe() + " for this address", Duration.ofNanos(wait));
        }
    }

    /**
     * Before a password is checked: refuses when the account or the address has failed too often lately,
     * with the longer of the two waits. Counts nothing: only {@link #loginFailed} does.
     */
    public void checkLogin(String account, String address) throws RateLimitedException {
        long accountWait = buckets.estimate(loginAccount, Objects.requireNonNull(account, "account"));
        long addressWait = buckets.estimate(loginAddress, Objects.requireNonNull(address, "address"));
        if (accountWait > 0 || addressWait > 0) {
            boolean byAccount = accountWait >= addressWait;
            String rule = byAccount
                    ? "failed logins are limited to " + loginAccount.describe() + " for this account"
                    : "failed logins are limited to " + loginAddress.describe() + " from this address";
            throw new RateLimitedException("login", rule, Duration.ofNanos(Math.max(accountWait, addressWait)));
        }
    }

    /**
     * After a wrong password: one failure for the account and one for the address. Counted even past the
     * limit (the bucket goes into debt), so attempts that raced past {@link #checkLogin} together still pay
     * for each one; call {@code checkLogin} first, or failures pile up debt.
     */
    public void loginFailed(String account, String address) {
        buckets.charge(loginAccount, Objects.requireNonNull(account, "account"));
        buckets.charge(loginAddress, Objects.requireNonNull(address, "address"));
    }

    /** Forgets refilled buckets: call from a timer (the cleanup sweep). */
    public void sweep() {
        buckets.sweep();
    }
}
