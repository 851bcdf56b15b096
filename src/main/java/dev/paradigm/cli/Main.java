package dev.paradigm.cli;

/** Entry point of {@code java -jar paradigm.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("paradigm: under construction");
    }
}
