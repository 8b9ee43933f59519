package dev.gcscope.parsers;

import java.util.Objects;

/**
 * An input format gcscope reads. The {@code id} is what users type after {@code --format} and what
 * {@code summary --json} prints as {@code format}, so it never changes once released.
 *
 * @param id stable machine name, e.g. {@code gctrace}
 * @param title human name, e.g. {@code Go GC trace (GODEBUG=gctrace=1)}
 * @param howToProduce one line telling a user how to get such a file
 */
public record TraceFormat(String id, String title, String howToProduce) {
    public TraceFormat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(howToProduce, "howToProduce");
    }

    @Override
    public String toString() {
        return id;
    }
}
