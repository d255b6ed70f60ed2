package org.pledgeworks.kit.deadletters;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/deadletters}: GET lists this service's dead-letter topics with their counts, GET
 * {@code /{topic}} lists one's records with their reasons, GET {@code /{topic}/{partition}/{offset}}
 * shows one record, POST {@code /{topic}} with {@code {"records": "0:12,2:7"}} or {@code {"all": true}}
 * replays (the actuator binds only simple values, hence a list in a string). Only the topics the service names are served: an operator cannot read another service's
 * topics through this one. Who may call it is {@code kit.management}'s business (operators only).
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetters deadLetters;
    private final DeadLetterProperties properties;

    DeadLetterEndpoint(DeadLetters deadLetters, DeadLetterProperties properties) {
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @ReadOperation
    public Map<String, DeadLetters.Count> topics() {
        Map<String, DeadLetters.Count> counts = new LinkedHashMap<>();
        properties.topics().forEach(topic -> counts.put(topic, deadLetters.count(topic)));
        return counts;
    }

    @ReadOperation
    public WebEndpointResponse<List<DeadLetters.DeadLetter>> list(@Selector String topic) {
        if (!properties.topics().contains(topic)) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return new WebEndpointResponse<>(deadLetters.list(topic, properties.listLimit()));
    }

    @ReadOperation
    public WebEndpointResponse<DeadLetters.Shown> show(@Selector String topic, @Selector int partition,
            @Selector long offset) {
        if (!properties.topics().contains(topic)) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return deadLetters.show(topic, new DeadLetters.Place(partition, offset))
                .map(WebEndpointResponse::new)
                .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }

    /**
     * @param records places ({@code partition:offset}) to replay, separated by commas
     * @param all     true to replay every record not replayed before; exactly one of the two
     */
    @WriteOperation
    public WebEndpointResponse<Object> replay(@Selector String topic, @Nullable String records,
            @Nullable Boolean all) {
        if (!properties.topics().contains(topic)) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        boolean everything = Boolean.TRUE.equals(all);
        boolean some = records != null && !records.isBlank();
        if (everything == some) {
            return badRequest("records", "name the records to replay (\"records\": \"partition:offset,...\") "
                    + "or ask for all (\"all\": true), not both");
        }
        if (everything) {
            return new WebEndpointResponse<>(deadLetters.replayAll(topic));
        }
        List<DeadLetters.Place> places;
        try {
            places = Arrays.stream(records.split(",")).map(DeadLetters.Place::parse).toList();
        }
        catch (IllegalArgumentException e) {
            return badRequest("records", e.getMessage());
        }
        return new WebEndpointResponse<>(deadLetters.replay(topic, places));
    }

    /** The actuator writes its own bodies: a problem detail by hand, naming the field. */
    private static WebEndpointResponse<Object> badRequest(String field, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Bad Request");
        problem.put("status", WebEndpointResponse.STATUS_BAD_REQUEST);
        problem.put("detail", detail);
        problem.put("field", field);
        return new WebEndpointResponse<>(problem, WebEndpointResponse.STATUS_BAD_REQUEST);
    }
}
