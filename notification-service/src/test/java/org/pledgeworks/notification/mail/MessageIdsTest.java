package org.pledgeworks.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void aDeliveryIdBecomesADotAtomWithDotsOnlyBetweenCharacters() {
        assertThat(MessageIds.of("0b9d-1:verification", "pledgeworks.local"))
                .isEqualTo("<0b9d-1.verification@pledgeworks.local>");
        assertThat(MessageIds.of("::a..b@ c::", "x.org")).isEqualTo("<a.b.c@x.org>");
        assertThatThrownBy(() -> MessageIds.of(":: ..", "x.org")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The same Message-IDs as the regular expressions it replaced, so mail already sent keeps its threading. */
    @Test
    void answersWhatTheRegularExpressionsDid() {
        Random random = new Random(3);
        String alphabet = "aZ09_=+-.:@ ü/";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder id = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String local = id.toString().replaceAll("[^A-Za-z0-9_=+-]+", ".").replaceAll("^\\.+|\\.+$", "");
            if (local.isEmpty()) {
                assertThatThrownBy(() -> MessageIds.of(id.toString(), "d")).isInstanceOf(IllegalArgumentException.class);
            }
            else {
                assertThat(MessageIds.of(id.toString(), "d")).isEqualTo("<" + local + "@d>");
            }
        }
    }
}
