package dev.ssenotify.bench;

import java.nio.ByteBuffer;

/** Turns the bytes after the response head into body bytes; the framing depends on the response. */
interface BodyDecoder {

    /** Consumes what it can of {@code in} (a heap buffer) and appends the body bytes to {@code out}. */
    void decode(ByteBuffer in, Sink out);

    /** True once the body has ended by its own framing (never, for an identity stream). */
    boolean finished();

    /** Receives body bytes without copying them; valid only during the call. */
    interface Sink {
        void accept(byte[] bytes, int offset, int length);
    }

    /** A stream without chunking: the body runs until the server closes the connection. */
    static BodyDecoder identity() {
        return new BodyDecoder() {
            @Override
            public void decode(ByteBuffer in, Sink out) {
                out.accept(in.array(), in.arrayOffset() + in.position(), in.remaining());
                in.position(in.limit());
            }

            @Override
            public boolean finished() {
                return false;
            }
        };
    }
}
