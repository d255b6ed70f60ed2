package org.pledgeworks.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every answer of a spike run by status (0: no answer, or one of another status), with its time in
 * milliseconds and whether it carried {@code Retry-After}.
 */
final class SpikeOutcomes {

    record Answer(long millis, boolean retryAfter) {
    }

    private static final Map<Integer, List<Answer>> BY_STATUS = new TreeMap<>();

    private SpikeOutcomes() {
    }

    static synchronized void record(int status, long millis, boolean retryAfter) {
        BY_STATUS.computeIfAbsent(status, s -> new ArrayList<>()).add(new Answer(millis, retryAfter));
    }

    static synchronized Map<Integer, List<Answer>> snapshot() {
        Map<Integer, List<Answer>> copy = new TreeMap<>();
        BY_STATUS.forEach((status, answers) -> copy.put(status, List.copyOf(answers)));
        return copy;
    }

    static synchronized void clear() {
        BY_STATUS.clear();
    }
}
