package org.pledgeworks.gateway.correlation;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorrelationIdTest {

    @Test
    void keepsASaneValue() {
        assertThat(CorrelationId.fromHeaderValues(List.of("abc-123-XYZ")).value()).isEqualTo("abc-123-XYZ");
        assertThat(CorrelationId.fromHeaderValues(List.of("a".repeat(64))).value()).hasSize(64);
    }

    @Test
    void replacesWhatIsMissingTooLongOrOdd() {
        for (List<String> values : List.of(List.<String>of(), List.of(""), List.of("a".repeat(65)),
                List.of("a b"), List.of("a\r\nSet-Cookie: x"), List.of("a_b"), List.of("one", "two"))) {
            CorrelationId id = CorrelationId.fromHeaderValues(values);
            assertThat(id.value()).as(values.toString()).hasSize(36).isNotIn(values);
        }
        assertThat(CorrelationId.fromHeaderValues(null).value()).hasSize(36);
    }

    @Test
    void generatedIdsAreDistinct() {
        assertThat(CorrelationId.generate()).isNotEqualTo(CorrelationId.generate());
    }

    @Test
    void cannotBeBuiltFromAnInsaneValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationId("no spaces"));
    }

    @Test
    void whatIsMissingOrOddBecomesTheTraceIdWhenThereIsOne() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        assertThat(CorrelationId.fromHeaderValues(null, Optional.of(traceId)).value()).isEqualTo(traceId);
        assertThat(CorrelationId.fromHeaderValues(List.of("a b"), Optional.of(traceId)).value()).isEqualTo(traceId);
        assertThat(CorrelationId.fromHeaderValues(List.of("mine-1"), Optional.of(traceId)).value()).isEqualTo("mine-1");
    }
}
