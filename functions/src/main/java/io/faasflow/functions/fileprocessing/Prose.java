package io.faasflow.functions.fileprocessing;

import java.util.Random;

/**
 * The sentences of the generated document: short English sentences over fixed word lists, with the Markdown
 * inline markup a real document has (emphasis, strong emphasis, links, inline code) and the constructs a
 * lexicon-based sentiment analyser reacts to: positive and negative words, boosters ("very"), negation
 * ("not"), contrast ("but") and ALL-CAPS emphasis. Adjectives lean positive three to two, so a document is
 * mildly positive overall rather than neutral by construction.
 */
final class Prose {
    private static final String[] NOUNS = {
        "report", "server", "river", "window", "garden", "library", "engine", "market", "team", "city", "bridge",
        "kitchen", "meeting", "journey", "network", "station", "harbour", "lecture", "festival", "museum", "letter",
        "project", "village", "concert", "school", "forest", "pipeline", "release", "workshop", "office",
    };
    private static final String[] POSITIVE = {
        "good", "great", "excellent", "happy", "wonderful", "pleasant", "brilliant", "delightful", "helpful",
        "elegant", "friendly", "calm", "bright", "nice", "perfect",
    };
    private static final String[] NEGATIVE = {
        "bad", "terrible", "awful", "sad", "broken", "ugly", "painful", "confusing", "annoying", "poor", "boring",
        "dull", "noisy",
    };
    private static final String[] BOOSTERS = {"very", "really", "extremely", "quite", "incredibly"};
    private static final String[] VERBS = {"checked", "moved", "opened", "measured", "described", "listed",
        "visited", "copied", "painted", "counted"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};

    private Prose() {
    }

    /** One sentence ending in a full stop or an exclamation mark, with no line break. */
    static String sentence(Random random) {
        String noun = pick(random, NOUNS);
        String other = pick(random, NOUNS);
        String sentence = switch (random.nextInt(8)) {
            case 0 -> "the " + noun + " was " + pick(random, BOOSTERS) + " " + adjective(random) + ".";
            case 1 -> "our " + noun + " is not " + adjective(random) + " at all.";
            case 2 -> "the " + noun + " felt " + adjective(random) + ", but the " + other + " was "
                    + adjective(random) + ".";
            case 3 -> "everyone agreed the " + noun + " looked " + adjective(random).toUpperCase() + "!";
            case 4 -> "we " + pick(random, VERBS) + " the " + noun + " near the " + other + " on "
                    + pick(random, DAYS) + ".";
            case 5 -> "see [the " + noun + " notes](https://example.org/" + noun + "/" + random.nextInt(1000)
                    + ") for a " + adjective(random) + " summary.";
            case 6 -> "the " + noun + " and the " + other + " were *" + adjective(random) + "* and **"
                    + adjective(random) + "**.";
            default -> "run `" + noun + "_" + random.nextInt(100) + "` before the " + other + " is "
                    + adjective(random) + ".";
        };
        return capitalise(sentence);
    }

    /** A heading's text: two to four capitalised words, no markup. */
    static String title(Random random) {
        String title = capitalise(adjective(random)) + " " + capitalise(pick(random, NOUNS)) + "s";
        return random.nextBoolean() ? title : title + " and the " + capitalise(pick(random, NOUNS));
    }

    /** One line of JavaScript for a fenced code block. */
    static String codeLine(Random random, int section) {
        String noun = pick(random, NOUNS);
        return "const " + noun + section + " = measure(\"" + noun + "\", " + random.nextInt(10_000) + ");";
    }

    private static String adjective(Random random) {
        return random.nextInt(5) < 3 ? pick(random, POSITIVE) : pick(random, NEGATIVE);
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
