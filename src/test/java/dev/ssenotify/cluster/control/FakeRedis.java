package dev.ssenotify.cluster.control;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Just the Redis that Bucket4j's compare-and-swap proxy uses: GET, and its four EVAL scripts (set if absent,
 * set if unchanged, each with or without a time to live), read by what they contain. Remembers each key's
 * last time to live instead of expiring it.
 */
final class FakeRedis implements InvocationHandler {

    final Map<String, byte[]> values = new ConcurrentHashMap<>();
    final Map<String, Long> ttlMillis = new ConcurrentHashMap<>();
    volatile boolean down;

    @SuppressWarnings("unchecked")
    RedisAsyncCommands<String, byte[]> commands() {
        return (RedisAsyncCommands<String, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RedisAsyncCommands.class}, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        Done<Object> future = new Done<>();
        if (down) {
            future.completeExceptionally(new RedisConnectionException("Redis is down"));
            return future;
        }
        switch (method.getName()) {
            case "get" -> future.complete(values.get((String) args[0]));
            case "eval" -> future.complete(eval((String) args[0], (String) ((Object[]) args[2])[0], (Object[]) args[3]));
            case "del" -> {
                for (Object key : (Object[]) args[0]) {
                    values.remove((String) key);
                }
                future.complete(1L);
            }
            default -> throw new UnsupportedOperationException(method.getName());
        }
        return future;
    }

    private synchronized Boolean eval(String script, String key, Object[] argv) {
        byte[] current = values.get(key);
        int ttlArg;
        if (script.contains("'nx'")) {
            if (current != null) {
                return false;
            }
            ttlArg = script.contains("'px'") ? 1 : -1;
            values.put(key, (byte[]) argv[0]);
        } else if (script.contains("== ARGV[1]")) {
            if (!Arrays.equals(current, (byte[]) argv[0])) {
                return false;
            }
            ttlArg = script.contains("psetex") ? 2 : -1;
            values.put(key, (byte[]) argv[1]);
        } else {
            throw new UnsupportedOperationException(script);
        }
        if (ttlArg < 0) {
            ttlMillis.remove(key);
        } else {
            ttlMillis.put(key, Long.parseLong(new String((byte[]) argv[ttlArg], StandardCharsets.UTF_8)));
        }
        return true;
    }

    /** A completed Lettuce future. */
    static final class Done<V> extends CompletableFuture<V> implements RedisFuture<V> {

        @Override
        public String getError() {
            return null;
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
