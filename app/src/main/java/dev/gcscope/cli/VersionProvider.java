package dev.gcscope.cli;

import dev.gcscope.build.BuildVersion;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code gcscope --version} as picocli asks for it (with other arguments, e.g. {@code summary
 * --version}); {@code gcscope --version} alone is answered without picocli ({@link BuildVersion}).
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return BuildVersion.lines();
    }

    /** The version of this build, e.g. {@code 0.1.0}. */
    public static String version() {
        return BuildVersion.version();
    }
}
