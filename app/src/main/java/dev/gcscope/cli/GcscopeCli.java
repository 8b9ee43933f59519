package dev.gcscope.cli;

/** Placeholder until the CLI lands: the headless commands behind {@code gcscope <command>}. */
public final class GcscopeCli {
    private GcscopeCli() {}

    /** True when {@code firstArg} names a subcommand or a global option (so no window opens). */
    public static boolean isCliInvocation(String firstArg) {
        return firstArg.equals("summary") || firstArg.equals("export") || firstArg.startsWith("-") || firstArg.equals("help");
    }

    /** Runs the command line; returns the process exit status. */
    public static int run(String[] args) {
        System.err.println("gcscope: the CLI is not built yet");
        return 2;
    }
}
