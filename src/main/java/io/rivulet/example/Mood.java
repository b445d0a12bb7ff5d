package io.rivulet.example;

/** The values of {@code users.mood}; constants are the wire values. */
public enum Mood {
    happy, sad, taco
}
