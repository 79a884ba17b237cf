package dev.ssenotify.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Behind a trusted proxy the client is the last hop it reports; nobody else's header is believed. */
class ClientAddressesTest {

    private final ClientAddresses behindNginx = new ClientAddresses(List.of("127.0.0.1", " 10.0.0.2 "));
    private final ClientAddresses direct = new ClientAddresses(List.of());

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("203.0.113.9", direct.of("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddressByHeader() {
        assertEquals("203.0.113.9", behindNginx.of("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void behindATrustedProxyTheLastUntrustedHopIsTheClient() {
        assertEquals("198.51.100.7", behindNginx.of("127.0.0.1", List.of("198.51.100.7")));
        // A client that sends its own header gets it prepended to, not replaced: the rightmost hop counts.
        assertEquals("198.51.100.7", behindNginx.of("127.0.0.1", List.of("6.6.6.6, 198.51.100.7")));
        // Two proxies of ours in a row, and the header split over two lines.
        assertEquals("198.51.100.7", behindNginx.of("127.0.0.1", List.of("6.6.6.6", "198.51.100.7, 10.0.0.2")));
    }

    @Test
    void aTrustedProxyWithoutAHeaderIsItselfTheClient() {
        assertEquals("127.0.0.1", behindNginx.of("127.0.0.1", List.of()));
        assertEquals("10.0.0.2", behindNginx.of("127.0.0.1", List.of("10.0.0.2")));
    }
}
