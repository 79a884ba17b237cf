package dev.ssenotify.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** The tool opens thousands of connections: it refuses any address that would leave this machine. */
final class Loopback {

    private Loopback() {
    }

    static void require(URI uri) {
        require(uri.getHost());
    }

    static InetAddress require(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(host + " is not a loopback address: the benchmark only "
                        + "targets 127.0.0.0/8");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }
}
