package io.faasflow.topology.fuzz;

import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Edits of a seed text, as a fuzzer makes them: delete a span, insert a token, duplicate or truncate. */
final class Mutations {
    private Mutations() {
    }

    /** One edit at a position in a text of {@code length} characters. */
    record Edit(int kind, int position, int span, String token) {
    }

    static Arbitrary<Edit> edits(int length, String[] tokens) {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, length),
                Arbitraries.integers().between(1, 40), Arbitraries.of(tokens)).as(Edit::new);
    }

    /** Applies the edits from the last position to the first, so positions stay meaningful. */
    static String apply(String seed, List<Edit> edits) {
        StringBuilder text = new StringBuilder(seed);
        for (Edit edit : edits.stream().sorted(Comparator.comparingInt(Edit::position).reversed()).toList()) {
            int at = Math.min(edit.position(), text.length());
            int end = Math.min(text.length(), at + edit.span());
            switch (edit.kind()) {
                case 0 -> text.delete(at, end);
                case 1 -> text.insert(at, edit.token());
                case 2 -> text.insert(at, text.substring(at, end));
                default -> text.replace(at, end, edit.token());
            }
        }
        return text.toString();
    }
}
