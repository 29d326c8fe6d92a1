package io.express4j.example;

public final class ExampleApp {
    public static void main(String[] args) {
        System.out.println("placeholder " + Runtime.version());
    }
}
