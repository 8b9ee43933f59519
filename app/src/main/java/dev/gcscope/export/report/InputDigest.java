package dev.gcscope.export.report;

import dev.gcscope.parsers.TraceSource;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The size and SHA-256 of an input's bytes as stored, read once from start to end. */
public record InputDigest(long sizeBytes, String sha256) {
    private static final int BUFFER = 64 * 1024;

    public static InputDigest of(TraceSource source) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        long size = 0;
        try (InputStream in = new DigestInputStream(source.openRaw(), sha)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) size += n;
        }
        return new InputDigest(size, HexFormat.of().formatHex(sha.digest()));
    }
}
