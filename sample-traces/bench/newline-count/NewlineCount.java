import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of the whole-process benchmark (summary-vs-go.sh): a JVM that starts, reads FILE
 * through a 256 KiB buffer, counts its newlines and prints the count, as the parser benchmark's
 * newlineCount does in-process. No parse can read a file in less.
 *
 * <pre>  javac -d OUT NewlineCount.java &amp;&amp; java -cp OUT NewlineCount FILE</pre>
 */
public final class NewlineCount {
    private NewlineCount() {}

    public static void main(String[] args) throws IOException {
        long lines = 0;
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            for (int n; (n = in.read(buf)) > 0;) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') lines++;
                }
            }
        }
        System.out.println("lines " + lines);
    }
}
