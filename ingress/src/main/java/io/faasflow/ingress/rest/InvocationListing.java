package io.faasflow.ingress.rest;

import io.faasflow.ingress.InvalidRequestException;
import io.faasflow.ingress.kafka.InvocationResults;
import io.faasflow.ingress.kafka.Submission;
import io.faasflow.ingress.kafka.SubmittedInvocations;
import io.faasflow.topology.wire.InvocationStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The page of {@code GET /invocations?workflow=&status=&limit=&before=}: the invocations this ingress remembers
 * (finished ones whose result it holds, {@code faasflow.results-cache-size} at most, and those awaiting a result),
 * newest submission first. {@code before} is the {@code next} cursor of the previous page.
 */
final class InvocationListing {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Comparator<InvocationSummary> NEWEST_FIRST = Comparator
            .comparingLong(InvocationSummary::submittedAt).reversed()
            .thenComparing(InvocationSummary::id, Comparator.reverseOrder());

    /** One page, and the cursor of the next (null on the last page). */
    record Page(List<InvocationSummary> invocations, String next) {
    }

    private InvocationListing() {
    }

    static Page page(InvocationResults results, SubmittedInvocations submitted, Duration timeout, String workflow,
            String status, String limit, String before) {
        InvocationStatus wanted = status(status);
        int size = limit(limit);
        Cursor after = Cursor.parse(before);
        long now = System.currentTimeMillis();
        List<InvocationSummary> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        results.snapshot().forEach((id, result) -> {
            seen.add(id);
            all.add(InvocationSummary.of(InvocationView.of(id, result)));
        });
        for (Submission submission : submitted.all()) {
            if (seen.add(submission.id())) {
                all.add(InvocationSummary.of(InvocationView.awaiting(submission, timeout, now)));
            }
        }
        List<InvocationSummary> matching = all.stream()
                .filter(entry -> workflow == null || workflow.equals(entry.workflow()))
                .filter(entry -> wanted == null || wanted == entry.status())
                .filter(entry -> after == null || after.isBefore(entry))
                .sorted(NEWEST_FIRST)
                .limit(size + 1L)
                .toList();
        if (matching.size() <= size) {
            return new Page(matching, null);
        }
        List<InvocationSummary> page = matching.subList(0, size);
        return new Page(page, Cursor.of(page.getLast()));
    }

    private static InvocationStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return InvocationStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "'" + (value.length() <= 40 ? value : value.substring(0, 40) + "...")
                    + "' is none of " + Arrays.toString(InvocationStatus.values()));
        }
    }

    private static int limit(String value) {
        Integer parsed = QueryParameters.integer("limit", value);
        int size = parsed == null ? DEFAULT_LIMIT : parsed;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must lie in 1.." + MAX_LIMIT + "; got " + size);
        }
        return size;
    }

    /** Where a page ended: the submission time and id of its last entry, as {@code <epoch ms>:<id>}. */
    private record Cursor(long submittedAt, String id) {

        static String of(InvocationSummary last) {
            return last.submittedAt() + ":" + last.id();
        }

        static Cursor parse(String value) {
            if (value == null) {
                return null;
            }
            int colon = value.indexOf(':');
            try {
                if (colon > 0) {
                    return new Cursor(Long.parseLong(value.substring(0, colon)), value.substring(colon + 1));
                }
            } catch (NumberFormatException e) {
                // Named below.
            }
            throw new InvalidRequestException("before", "not a cursor of this API: pass the 'next' of the previous page");
        }

        /** Whether {@code entry} comes after this cursor, newest first. */
        boolean isBefore(InvocationSummary entry) {
            return entry.submittedAt() < submittedAt
                    || (entry.submittedAt() == submittedAt && entry.id().compareTo(id) < 0);
        }
    }
}
