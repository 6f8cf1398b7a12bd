package cn.creditbank.ledger.api.web;

import java.util.List;

/** One page of a list (API.md): the items, the page number from 0, the page size and the total number of items. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** A page cut from a list that is already complete in memory (one learner's outcomes, say). */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), (long) request.page() * request.size());
        int to = Math.min(all.size(), from + request.size());
        return new Page<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size());
    }
}
