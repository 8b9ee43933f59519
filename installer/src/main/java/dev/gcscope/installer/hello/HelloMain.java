package dev.gcscope.installer.hello;

/** The command line's baseline: a JVM that prints one line and ends. */
public final class HelloMain {
    private HelloMain() {}

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
