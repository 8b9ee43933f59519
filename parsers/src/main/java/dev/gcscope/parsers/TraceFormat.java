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

    // equals and hashCode written out, with the values a record's generated ones give: those are
    // bootstrapped through java.lang.runtime.ObjectMethods on first use, ~25 ms of method handles a
    // Java 17 class-data archive does not keep, and every command hashes the formats at start-up.
    @Override
    public boolean equals(Object o) {
        return o instanceof TraceFormat f && id.equals(f.id) && title.equals(f.title) && howToProduce.equals(f.howToProduce);
    }

    @Override
    public int hashCode() {
        return (id.hashCode() * 31 + title.hashCode()) * 31 + howToProduce.hashCode();
    }
}
