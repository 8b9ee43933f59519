package dev.gcscope.export.report;

import java.nio.file.Path;
import java.util.Locale;

/** {@code --format html|md}: one self-contained HTML file, or Markdown with PNGs beside it. */
public enum ReportFormat {
    HTML("html"), MD("md");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extension;
    }

    /**
     * {@code NAME-gcscope.html} for an input called {@code NAME.log} (or {@code NAME.log.gz}): the
     * input's name without its compression and its last extension.
     */
    public String defaultFileName(String inputName) {
        Path p = Path.of(inputName).getFileName();
        String name = p == null ? inputName : p.toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) name = name.substring(0, name.length() - 3);
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        return name + "-gcscope." + extension;
    }

    /** The file name without this format's extension: what the Markdown variant's image names start with. */
    public String stem(Path file) {
        String name = file.getFileName().toString();
        String ext = "." + extension;
        return name.toLowerCase(Locale.ROOT).endsWith(ext) ? name.substring(0, name.length() - ext.length()) : name;
    }
}
