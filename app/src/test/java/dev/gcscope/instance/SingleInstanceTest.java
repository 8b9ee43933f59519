package dev.gcscope.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second gcscope hands its files to the first window and the first one gets them, as they were given. */
class SingleInstanceTest {
    @TempDir
    Path runtimeDir;

    @Test
    void aSecondStartHandsItsFilesToTheFirstWindow() throws Exception {
        try (SingleInstance first = new SingleInstance(runtimeDir, 10_000);
                SingleInstance second = new SingleInstance(runtimeDir, 10_000)) {
            assertTrue(first.tryBecomePrimary());
            first.listen();
            BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
            first.deliverTo(received::add);

            assertFalse(second.tryBecomePrimary(), "the lock is the first window's");
            Path relative = Path.of("traces", "gc 1.log");
            assertTrue(second.handOff(List.of(Path.of("/var/log/app/gc.log"), relative)));

            assertEquals(List.of(Path.of("/var/log/app/gc.log"), relative.toAbsolutePath()), received.poll(30, TimeUnit.SECONDS),
                    "paths arrive absolute, since the first window runs in another folder");
            assertTrue(second.handOff(List.of()), "a start without files is handed over too (the window comes to the front)");
            assertEquals(List.of(), received.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void filesHandedOverWhileTheWindowStartsWaitForIt() throws Exception {
        try (SingleInstance first = new SingleInstance(runtimeDir, 10_000);
                SingleInstance second = new SingleInstance(runtimeDir, 10_000)) {
            assertTrue(first.tryBecomePrimary());
            first.listen();
            assertTrue(second.handOff(List.of(Path.of("/tmp/early.log"))));

            BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
            first.deliverTo(received::add);
            assertEquals(List.of(Path.of("/tmp/early.log")), received.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aSocketLeftByAWindowThatDiedIsReplaced() throws Exception {
        // What a killed window leaves: the socket file, with no one listening (its lock went with its process).
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(runtimeDir.resolve("gcscope.socket")));
        }
        assertTrue(Files.exists(runtimeDir.resolve("gcscope.socket")));

        try (SingleInstance next = new SingleInstance(runtimeDir, 10_000);
                SingleInstance later = new SingleInstance(runtimeDir, 10_000)) {
            assertTrue(next.tryBecomePrimary(), "no process holds the lock");
            next.listen();
            BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
            next.deliverTo(received::add);
            assertTrue(later.handOff(List.of(Path.of("/tmp/a.log"))));
            assertEquals(List.of(Path.of("/tmp/a.log")), received.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aWindowThatHoldsTheLockButNeverAnswersIsGivenUpOn() throws Exception {
        try (SingleInstance hung = new SingleInstance(runtimeDir, 10_000);
                SingleInstance next = new SingleInstance(runtimeDir, 300)) {
            assertTrue(hung.tryBecomePrimary()); // and never listens
            assertFalse(next.tryBecomePrimary());
            assertFalse(next.handOff(List.of(Path.of("/tmp/a.log"))), "the new start opens a window of its own");
        }
    }

    @Test
    void closingTheFirstWindowLetsTheNextOneTakeOver() throws Exception {
        SingleInstance first = new SingleInstance(runtimeDir, 10_000);
        assertTrue(first.tryBecomePrimary());
        first.listen();
        first.close();
        assertFalse(Files.exists(runtimeDir.resolve("gcscope.socket")));
        try (SingleInstance next = new SingleInstance(runtimeDir, 10_000)) {
            assertTrue(next.tryBecomePrimary());
        }
    }
}
