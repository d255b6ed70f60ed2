package org.pledgeworks.kit.deadletters;

import static org.pledgeworks.kit.deadletters.BrokerClients.READ_TIMEOUT;
import static org.pledgeworks.kit.deadletters.DeadLetterRecords.text;
import static org.pledgeworks.kit.deadletters.DeadLetters.REPLAYED_SUFFIX;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.pledgeworks.kit.deadletters.DeadLetters.Place;

/**
 * What was replayed: the compacted topic {@code <dead-letter topic>.replayed}, one marker keyed by each
 * replayed dead letter's place, so that a replay run twice sends nothing the second time.
 */
final class ReplayMarkers {

    private final BrokerClients clients;

    ReplayMarkers(BrokerClients clients) {
        this.clients = clients;
    }

    /** The places of the topic replayed so far (a marker with no value takes one back). */
    Set<Place> replayed(String topic) {
        Set<Place> places = new HashSet<>();
        String markers = topic + REPLAYED_SUFFIX;
        try (KafkaConsumer<byte[], byte[]> consumer = clients.consumer()) {
            if (consumer.listTopics(READ_TIMEOUT).containsKey(markers)) {
                BrokerClients.scan(consumer, markers, record -> {
                    Place place = Place.parse(text(record.key()));
                    if (record.value() == null) {
                        places.remove(place);
                    }
                    else {
                        places.add(place);
                    }
                });
            }
        }
        return places;
    }

    void ensureTopic(String topic) {
        try (Admin admin = clients.admin()) {
            // one partition: the markers of a topic are few, and one partition reads in order
            NewTopic markers = new NewTopic(topic + REPLAYED_SUFFIX, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(markers)).all().get();
        }
        catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic + REPLAYED_SUFFIX, e.getCause());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
