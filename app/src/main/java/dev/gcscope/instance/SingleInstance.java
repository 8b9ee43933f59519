package dev.gcscope.instance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One desktop window per user: the first gcscope window holds a lock file and listens on a Unix
 * domain socket beside it, both in the user's runtime folder; a gcscope started later (by the file
 * manager's "Open with", say) finds the lock taken, sends the files it was given to the first one
 * over the socket and exits, so they open as tabs of the window already there.
 *
 * <p>The operating system drops the lock when its process ends however it ends, so a crashed
 * window leaves no lock behind; the socket file it leaves is removed by the next window to take
 * the lock. A started window whose lock is taken but whose socket does not answer (it hangs, or is
 * still starting) is given up on after a few seconds and the new window opens on its own.
 *
 * <p>Plain Java with no JavaFX: the launcher checks before the toolkit starts, so a hand-off costs
 * only a JVM start. The protocol is one absolute path per line, an empty line to end, and the
 * answer {@code ok}.
 */
public final class SingleInstance implements AutoCloseable {
    /** {@code -Dgcscope.single.instance=false} gives this process a window of its own (benchmarks, training). */
    public static final String PROPERTY = "gcscope.single.instance";
    private static final String LOCK = "gcscope.lock";
    private static final String SOCKET = "gcscope.socket";
    private static final long DEFAULT_PATIENCE_MILLIS = 5_000;
    private static final long RETRY_MILLIS = 100;

    private final Path dir;
    private final long patienceMillis;
    private FileChannel lockChannel;
    private FileLock lock;
    private ServerSocketChannel server;
    private Consumer<List<Path>> opener;
    private final List<List<Path>> waiting = new ArrayList<>();

    /** @param patienceMillis how long a hand-off waits for a window that holds the lock to answer */
    public SingleInstance(Path dir, long patienceMillis) {
        this.dir = dir;
        this.patienceMillis = patienceMillis;
    }

    /** In the user's runtime folder ({@code $XDG_RUNTIME_DIR}, else a folder of the user's in the temporary folder). */
    public static SingleInstance forUser() {
        return new SingleInstance(userDirectory(), DEFAULT_PATIENCE_MILLIS);
    }

    /** True unless {@value #PROPERTY} is false. */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
    }

    static Path userDirectory() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) return Path.of(runtime, "gcscope");
        return Path.of(System.getProperty("java.io.tmpdir"), "gcscope-" + System.getProperty("user.name", "user"));
    }

    /**
     * Takes the lock if no other window holds it.
     *
     * @return true if this process is the first window (it should then {@link #listen}), false if
     *         another one holds the lock (hand the files to it with {@link #handOff})
     */
    public boolean tryBecomePrimary() throws IOException {
        createPrivateDirectory();
        lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already (tests run two instances in one JVM)
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            return false;
        }
        return true;
    }

    /**
     * Listens for the files later windows hand over, from now on: batches that arrive before
     * {@link #deliverTo} is called (the window is still starting) wait for it. Only after
     * {@link #tryBecomePrimary} returned true.
     */
    public void listen() throws IOException {
        if (lock == null) throw new IllegalStateException("not the first window");
        Path socket = dir.resolve(SOCKET);
        Files.deleteIfExists(socket); // left by a window that ended without closing it
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(this::serve, "gcscope-single-instance");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Where the batches go from now on (the waiting ones first), each on the listening thread;
     * an empty batch is gcscope started again without a file.
     */
    public synchronized void deliverTo(Consumer<List<Path>> opener) {
        this.opener = opener;
        waiting.forEach(opener);
        waiting.clear();
    }

    private synchronized void deliver(List<Path> files) {
        if (opener == null) waiting.add(files);
        else opener.accept(files);
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                List<Path> files = new ArrayList<>();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    files.add(Path.of(line));
                }
                deliver(files);
                Writer out = new OutputStreamWriter(Channels.newOutputStream(client), StandardCharsets.UTF_8);
                out.write("ok\n");
                out.flush();
            } catch (IOException | RuntimeException e) {
                // one client that went away or sent nonsense; the next one is served as usual
            }
        }
    }

    /**
     * Sends {@code files} (made absolute: the first window runs in another folder) to the window
     * that holds the lock, retrying while it is still starting.
     *
     * @return true once it has them; false if it did not answer within the patience given
     */
    public boolean handOff(List<Path> files) {
        long deadline = System.nanoTime() + patienceMillis * 1_000_000;
        do {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve(SOCKET)))) {
                Writer out = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
                for (Path f : files) out.write(f.toAbsolutePath().normalize() + "\n");
                out.write("\n");
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
                if ("ok".equals(in.readLine())) return true;
            } catch (IOException e) {
                // not listening yet, or a socket file left behind: try again until the deadline
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private void createPrivateDirectory() throws IOException {
        if (Files.isDirectory(dir)) return;
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir); // Windows: the user's temporary folder is private already
        }
    }

    /** Stops listening and lets the next window take over. */
    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
                Files.deleteIfExists(dir.resolve(SOCKET));
            }
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException e) {
            // the process is ending; the operating system drops the lock anyway
        }
    }
}
