package dev.gcscope.export.report;

import java.util.List;
import java.util.regex.Pattern;

/** A command line as a reader would type it again: arguments quoted for a POSIX shell where needed. */
public final class CommandLines {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLines() {}

    /** {@code gcscope report --theme dark 'my gc.log'} from {@code ["report", "--theme", "dark", "my gc.log"]}. */
    public static String gcscope(List<String> args) {
        StringBuilder b = new StringBuilder("gcscope");
        for (String a : args) b.append(' ').append(quote(a));
        return b.toString();
    }

    /** The argument as it is when the shell leaves it alone, else in single quotes. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && PLAIN.matcher(arg).matches()) return arg;
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
