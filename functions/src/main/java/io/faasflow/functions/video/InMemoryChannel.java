package io.faasflow.functions.video;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jcodec.common.io.SeekableByteChannel;

/**
 * A seekable jcodec channel over a byte array that grows as it is written: the MP4 muxer seeks back to patch
 * its headers, and videos here never touch a file. Not thread-safe.
 */
final class InMemoryChannel implements SeekableByteChannel {
    private byte[] data;
    private int size;
    private int position;

    /** An empty channel to write to. */
    InMemoryChannel() {
        this.data = new byte[64 * 1024];
    }

    /** A channel reading {@code bytes} (not copied; not to be written). */
    InMemoryChannel(byte[] bytes) {
        this.data = bytes;
        this.size = bytes.length;
    }

    /** What was written, up to the furthest byte. */
    byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel setPosition(long newPosition) {
        if (newPosition < 0 || newPosition > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("position " + newPosition + " is outside an in-memory video");
        }
        position = (int) newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        size = (int) Math.max(0, Math.min(size, newSize));
        position = Math.min(position, size);
        return this;
    }

    @Override
    public int read(ByteBuffer destination) {
        if (position >= size) {
            return -1;
        }
        int count = Math.min(destination.remaining(), size - position);
        destination.put(data, position, count);
        position += count;
        return count;
    }

    @Override
    public int write(ByteBuffer source) {
        int count = source.remaining();
        long end = (long) position + count;
        if (end > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("an in-memory video cannot exceed 2 GB");
        }
        if (end > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * data.length)));
        }
        if (position > size) {
            Arrays.fill(data, size, position, (byte) 0);
        }
        source.get(data, position, count);
        position = (int) end;
        size = Math.max(size, position);
        return count;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
