package dev.gcscope.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that it never harms: readers only ever see the old content or the whole new
 * content, and nothing but a regular file is ever replaced.
 * <ul>
 *   <li>The target must be a regular file or not exist yet; a directory, FIFO, device or socket is
 *       refused with {@link UnsuitableTargetException} (renaming over {@code /dev/full} as root would
 *       replace the device node with a file).</li>
 *   <li>A symbolic link is written through: the file it points to is replaced, the link stays.</li>
 *   <li>The text goes to a hidden sibling of the file, {@code .NAME.gcscope-tmp-PID}, is flushed to
 *       disk and renamed over the file. On any failure, and when the process is stopped by SIGINT or
 *       SIGTERM, the sibling is deleted; one left by a killed run (its process is gone) is deleted by
 *       the next write of the same file.</li>
 *   <li>A write error (a full disk, an I/O error) is thrown with the system's reason, and the file
 *       keeps its old content.</li>
 * </ul>
 *
 * <p>Public because the report ({@code export.report}) and the window's exports (a chart, a table as
 * CSV, a report) write their files through it too: one way of writing a file, wherever it is asked for.
 */
public final class AtomicFileWriter {
    private static final int BUFFER = 64 * 1024;

    /** Writes the content as text (UTF-8); may throw. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes the content as bytes (an image, a compressed file); may throw. */
    @FunctionalInterface
    public interface BytesBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A target that is not a file gcscope may replace; the message is one line starting with its name. */
    public static final class UnsuitableTargetException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsuitableTargetException(String message) {
            super(message);
        }
    }

    private AtomicFileWriter() {}

    /** Writes {@code target} (as UTF-8 text) atomically; see the class comment for the rules. */
    public static void write(Path target, Body body) throws IOException {
        writeBytes(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
            body.writeTo(w);
            w.flush();
        });
    }

    /** Writes {@code target} with these bytes (an exported chart's PNG) atomically; see the class comment. */
    public static void write(Path target, byte[] bytes) throws IOException {
        writeBytes(target, out -> out.write(bytes));
    }

    /** Writes {@code target} (bytes) atomically; see the class comment for the rules. */
    public static void writeBytes(Path target, BytesBody body) throws IOException {
        Path file = checkTarget(target);
        TempFiles.removeStale(file);
        Path temp = TempFiles.create(file);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            keepAttributes(file, temp);
            checkTarget(target); // nothing replaced it with a device meanwhile
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(temp);
            TempFiles.forget(temp);
        }
    }

    /**
     * The regular file that writing {@code target} replaces (the file a symbolic link points to),
     * or why it may not be written: a directory, a special file, a missing folder.
     */
    public static Path checkTarget(Path target) throws UnsuitableTargetException {
        String name = target.toString();
        Path file = throughLinks(target, name);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            Path dir = parentOf(file);
            if (!Files.isDirectory(dir)) throw new UnsuitableTargetException(name + ": folder " + dir + " does not exist");
            return file;
        } catch (IOException e) {
            throw new UnsuitableTargetException(name + ": cannot be examined (" + TraceInputs.describe(e, "read") + ")");
        }
        if (a.isDirectory()) throw new UnsuitableTargetException(name + ": is a directory, not a file");
        if (!a.isRegularFile()) {
            throw new UnsuitableTargetException(name + ": is " + SpecialFile.describe(file)
                    + (file.equals(target) ? "" : " (" + file + ")") + ", not a regular file; gcscope writes only regular files");
        }
        if (!Files.isWritable(file)) throw new UnsuitableTargetException(name + ": cannot be written (permission denied)");
        return file;
    }

    /** {@code target} with every symbolic link on its last component followed (a dangling link's target too). */
    private static Path throughLinks(Path target, String name) throws UnsuitableTargetException {
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) throw new UnsuitableTargetException(name + ": too many levels of symbolic links");
            try {
                p = parentOf(p).resolve(Files.readSymbolicLink(p)).normalize();
            } catch (IOException e) {
                throw new UnsuitableTargetException(name + ": the symbolic link cannot be read (" + TraceInputs.describe(e, "read") + ")");
            }
        }
        return p;
    }

    static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }

    /**
     * Replacing an existing file keeps its permission bits, owner and group, as editing it in place
     * would (root exporting over a user's file leaves it the user's).
     */
    private static void keepAttributes(Path target, Path temp) {
        PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (from == null || to == null || !Files.exists(target)) return;
        try {
            PosixFileAttributes a = from.readAttributes();
            to.setPermissions(a.permissions());
            PosixFileAttributes mine = to.readAttributes();
            if (!mine.owner().equals(a.owner())) to.setOwner(a.owner());
            if (!mine.group().equals(a.group())) to.setGroup(a.group());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Best effort: the content matters, the attributes are a courtesy.
        }
    }

    /** What kind of special file a path is, in words. */
    static final class SpecialFile {
        private static final int S_IFMT = 0170000;

        private SpecialFile() {}

        static String describe(Path p) {
            try {
                Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                if (mode instanceof Integer m) {
                    return switch (m & S_IFMT) {
                        case 0010000 -> "a FIFO (named pipe)";
                        case 0020000 -> "a character device";
                        case 0060000 -> "a block device";
                        case 0140000 -> "a socket";
                        default -> "a special file";
                    };
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // not a Unix file system: say it generally
            }
            return "a special file";
        }
    }

    /**
     * The temporary files this process is writing (deleted by a shutdown hook if it is stopped
     * midway), and the cleanup of those left by runs that were killed.
     */
    static final class TempFiles {
        static final String MARK = ".gcscope-tmp-";
        private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
        private static volatile boolean hooked;

        private TempFiles() {}

        /** {@code .NAME.gcscope-tmp-PID}: recognisable, and telling which process may still be writing it. */
        static String nameFor(Path file, long pid) {
            return "." + file.getFileName() + MARK + pid;
        }

        static Path create(Path file) throws IOException {
            hook();
            Path dir = parentOf(file);
            long pid = ProcessHandle.current().pid();
            for (int n = 0; ; n++) {
                Path candidate = dir.resolve(nameFor(file, pid) + (n == 0 ? "" : "-" + n));
                // Registered before it exists, so a SIGTERM between the two cannot leave it behind.
                if (!IN_PROGRESS.add(candidate)) continue;
                try {
                    // CREATE_NEW rather than Files.createTempFile: the file gets the user's umask
                    // (createTempFile makes it 0600, and the rename would carry that over).
                    return Files.createFile(candidate);
                } catch (FileAlreadyExistsException e) {
                    IN_PROGRESS.remove(candidate);
                    if (n == 16) throw e;
                } catch (IOException | RuntimeException e) {
                    IN_PROGRESS.remove(candidate);
                    throw e;
                }
            }
        }

        static void forget(Path temp) {
            IN_PROGRESS.remove(temp);
        }

        /**
         * Deletes this file's temporaries left by runs that were killed: their process is gone, or
         * its PID now belongs to a process that started after the temporary was last written.
         */
        static void removeStale(Path file) {
            Path dir = parentOf(file);
            String prefix = "." + file.getFileName() + MARK;
            try (var entries = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix))) {
                for (Path p : entries) {
                    if (IN_PROGRESS.contains(p)) continue;
                    long pid = pidOf(p.getFileName().toString().substring(prefix.length()));
                    if (pid > 0 && isStale(p, pid)) Files.deleteIfExists(p);
                }
            } catch (IOException | RuntimeException e) {
                // Cleaning up after another run is a courtesy; the write goes on.
            }
        }

        private static long pidOf(String suffix) {
            int dash = suffix.indexOf('-');
            String digits = dash < 0 ? suffix : suffix.substring(0, dash);
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static boolean isStale(Path temp, long pid) throws IOException {
            if (pid == ProcessHandle.current().pid()) return true; // not ours in progress: a dead process had our PID
            var process = ProcessHandle.of(pid);
            if (process.isEmpty()) return true;
            var started = process.get().info().startInstant();
            return started.isPresent() && started.get().isAfter(Files.getLastModifiedTime(temp).toInstant());
        }

        private static void hook() {
            if (hooked) return;
            synchronized (TempFiles.class) {
                if (hooked) return;
                // SIGINT and SIGTERM run shutdown hooks: a stopped export leaves no temporary behind.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    for (Path p : IN_PROGRESS) {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException e) {
                            // exiting anyway
                        }
                    }
                }, "gcscope-remove-temporary-files"));
                hooked = true;
            }
        }
    }
}
