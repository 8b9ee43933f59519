package dev.gcscope.parsers;

import java.io.FilterInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * A regular file read as a stream that keeps its channel, so that a parse can also read pieces of
 * the same open file at any position, from several threads at once ({@link DecodedInput#plainFile()}).
 */
final class PlainFileStream extends FilterInputStream {
    private final FileChannel channel;

    PlainFileStream(FileChannel channel) {
        super(Channels.newInputStream(channel));
        this.channel = channel;
    }

    FileChannel channel() {
        return channel;
    }
}
