package dev.ssenotify.bench;

import java.nio.ByteBuffer;

/**
 * Incremental HTTP/1.1 chunked transfer decoder: chunk sizes, extensions and CRLFs may be split across any
 * number of reads, because a busy server splits its writes wherever its buffers end.
 */
final class ChunkedDecoder implements BodyDecoder {

    private enum State { SIZE, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER, TRAILER_LF, DONE }

    private State state = State.SIZE;
    private long remaining;
    private boolean sawDigit;
    private boolean inExtension;
    private int trailerLineLength;

    @Override
    public void decode(ByteBuffer in, Sink out) {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case SIZE -> readSize(in.get());
                case SIZE_LF -> {
                    expect(in.get(), '\n');
                    state = remaining == 0 ? State.TRAILER : State.DATA;
                    trailerLineLength = 0;
                }
                case DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    out.accept(in.array(), in.arrayOffset() + in.position(), n);
                    in.position(in.position() + n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.DATA_CR;
                    }
                }
                case DATA_CR -> {
                    expect(in.get(), '\r');
                    state = State.DATA_LF;
                }
                case DATA_LF -> {
                    expect(in.get(), '\n');
                    state = State.SIZE;
                    sawDigit = false;
                    inExtension = false;
                }
                case TRAILER -> {
                    byte b = in.get();
                    if (b == '\r') {
                        state = State.TRAILER_LF;
                    } else {
                        trailerLineLength++;
                    }
                }
                case TRAILER_LF -> {
                    expect(in.get(), '\n');
                    // An empty line ends the trailers; any other line is a trailer field we do not need.
                    state = trailerLineLength == 0 ? State.DONE : State.TRAILER;
                    trailerLineLength = 0;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    @Override
    public boolean finished() {
        return state == State.DONE;
    }

    private void readSize(byte b) {
        if (b == '\r') {
            if (!sawDigit) {
                throw new ProtocolException("chunk size missing");
            }
            state = State.SIZE_LF;
        } else if (inExtension) {
            return;
        } else if (b == ';' || b == ' ' || b == '\t') {
            inExtension = true;
        } else {
            int digit = Character.digit(b, 16);
            if (digit < 0) {
                throw new ProtocolException("bad chunk size byte 0x" + Integer.toHexString(b & 0xff));
            }
            if (remaining > (Long.MAX_VALUE >> 4)) {
                throw new ProtocolException("chunk size overflow");
            }
            remaining = remaining * 16 + digit;
            sawDigit = true;
        }
    }

    private static void expect(byte actual, char wanted) {
        if (actual != wanted) {
            throw new ProtocolException("expected " + (wanted == '\n' ? "LF" : "CR") + " in chunked body, got 0x"
                    + Integer.toHexString(actual & 0xff));
        }
    }
}
