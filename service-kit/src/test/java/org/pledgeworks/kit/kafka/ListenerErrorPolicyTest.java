package org.pledgeworks.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.events.MalformedEventException;

import org.springframework.kafka.listener.ListenerExecutionFailedException;

class ListenerErrorPolicyTest {

    @Test
    void anUnreachableDatabaseOrBrokerIsAFaultThatWillPassHoweverDeepItIsWrapped() {
        assertThat(ListenerErrorPolicy.isTransient(wrapped(new MongoTimeoutException("no server")))).isTrue();
        assertThat(ListenerErrorPolicy.isTransient(wrapped(new MongoSocketOpenException("refused",
                new ServerAddress("127.0.0.1", 1))))).isTrue();
        assertThat(ListenerErrorPolicy.isTransient(wrapped(new KafkaException("send failed",
                new TimeoutException("metadata"))))).isTrue();
        assertThat(ListenerErrorPolicy.isTransient(wrapped(new NotLeaderOrFollowerException("election")))).isTrue();
    }

    @Test
    void aMalformedRecordOrABugIsNot() {
        assertThat(ListenerErrorPolicy.isTransient(wrapped(new MalformedEventException("no ce_type")))).isFalse();
        assertThat(ListenerErrorPolicy.isTransient(wrapped(new IllegalStateException("bug")))).isFalse();
        // a malformed record is never waited for, whatever it carries inside
        assertThat(ListenerErrorPolicy.isTransient(new MalformedEventException("bad",
                new MongoTimeoutException("irrelevant")))).isFalse();
    }

    private static Exception wrapped(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", new RuntimeException(cause));
    }
}
