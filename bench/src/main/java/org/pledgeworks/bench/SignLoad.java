package org.pledgeworks.bench;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Signing through the gateway, whichever step asks for it (ramp, steady run, mail run, spike), and
 * the count of every pledge the load generator saw accepted, which the arrivals check holds against
 * MongoDB and the topic. Each run's addresses carry the run id, so no two runs share one.
 */
final class SignLoad {

    private final LoadRun load;
    private final String base;
    private final String runId;
    private final String mongoUri;
    private final String kafka;
    private long accepted;

    SignLoad(LoadRun load, String base, String runId, String mongoUri, String kafka) {
        this.load = load;
        this.base = base;
        this.runId = runId;
        this.mongoUri = mongoUri;
        this.kafka = kafka;
    }

    /** Signs at {@code rate} for {@code duration}; with {@code record}, keeps when each address was accepted. */
    LoadRun.Result run(double rate, Duration duration, String name, boolean record) {
        LoadRun.Result result = load.run(SignSimulation.class, new LoadParameters(base, "", rate, duration,
                "bench-" + runId + "-" + name, record), name);
        accepted += result.ok();
        return result;
    }

    /** Signs beyond capacity; the answers are in {@link SpikeOutcomes}, the caller counts the accepted ones. */
    LoadRun.Result spike(double rate, Duration duration) {
        return load.run(SpikeSimulation.class, new LoadParameters(base, "", rate, duration, "bench-" + runId + "-spike",
                false), "spike");
    }

    void accepted(long more) {
        accepted += more;
    }

    long accepted() {
        return accepted;
    }

    /** Every 202 so far against the signatures in MongoDB and on the topic (they may take up to 90 s to land). */
    Arrivals.Count arrivals(ObjectNode parent) throws InterruptedException {
        Arrivals.Count count = new Arrivals(mongoUri, kafka).await(accepted, Duration.ofSeconds(90));
        ObjectNode arrivals = parent.putObject("arrivals");
        arrivals.put("acceptedSoFar", accepted);
        arrivals.put("storedInMongo", count.stored());
        arrivals.put("pledgeSignedOnTopic", count.published());
        arrivals.put("noneLost", count.stored() >= accepted && count.published() >= accepted);
        return count;
    }
}
