package dev.ssenotify.cluster.control;

import dev.ssenotify.limits.control.SeenKeys;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@link SeenKeys} in Redis: one key per remembered key, expiring with it, so every instance recognises a
 * retry. A Redis failure is thrown (IllegalStateException): the caller answers so that the sender retries.
 */
final class RedisSeenKeys implements SeenKeys {

    private final Supplier<RedisAsyncCommands<String, String>> commands;
    private final String prefix;
    private final Duration timeout;

    RedisSeenKeys(Supplier<RedisAsyncCommands<String, String>> commands, String prefix, Duration timeout) {
        this.commands = commands;
        this.prefix = prefix;
        this.timeout = timeout;
    }

    @Override
    public boolean seen(String key) {
        return await(commands.get().exists(prefix + key)) > 0;
    }

    @Override
    public void remember(String key, Duration keep) {
        await(commands.get().set(prefix + key, "1", SetArgs.Builder.px(keep.toMillis())));
    }

    private <T> T await(io.lettuce.core.RedisFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Redis", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Redis did not answer: " + e.getMessage(), e);
        }
    }
}
