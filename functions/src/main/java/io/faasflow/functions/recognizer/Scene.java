package io.faasflow.functions.recognizer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@link SceneRenderer} draws above the caption, and so what the classifiers should see. */
enum Scene {
    /** A park with a city skyline, a red car and a small person: some red and some skin, too little of either. */
    CLEAN,
    /** Large skin-toned body shapes on a pale background: trips {@link SkinToneClassifier}. */
    ADULT,
    /** Blood-red pools and splatters in a dark room: trips {@link BloodClassifier}. */
    VIOLENCE;

    String fieldValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The scene an invocation field names ({@code clean}, {@code adult} or {@code violence}, any case).
     *
     * @throws IllegalArgumentException naming the function and field when the value is none of them
     */
    static Scene parse(String value, String function, String field) {
        for (Scene scene : values()) {
            if (scene.fieldValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return scene;
            }
        }
        throw new IllegalArgumentException("function " + function + ": invocation input field '" + field
                + "' must be one of " + Arrays.stream(values()).map(Scene::fieldValue).collect(Collectors.joining(", "))
                + "; got '" + Abbreviation.of(value) + "'");
    }
}
