package org.pledgeworks.kit.links;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedTextTest {

    private static final String LINK = "https://pledge.example/staff/invitations/abc.1790000000.sig";

    @Test
    void opensWhatTheSameSecretSealedAndHidesIt() {
        String sealed = new SealedText("shared secret").seal(LINK);

        assertThat(sealed).startsWith("v1.").doesNotContain("invitations").doesNotContain("abc");
        assertThat(new SealedText("shared secret").open(sealed)).contains(LINK);
    }

    @Test
    void sealingTwiceGivesTwoDifferentTexts() {
        SealedText text = new SealedText("shared secret");

        assertThat(text.seal(LINK)).isNotEqualTo(text.seal(LINK));
    }

    @Test
    void anotherSecretOrAChangedByteOpensNothing() {
        String sealed = new SealedText("shared secret").seal(LINK);
        char last = sealed.charAt(sealed.length() - 1);
        String changed = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(new SealedText("another secret").open(sealed)).isEmpty();
        assertThat(new SealedText("shared secret").open(changed)).isEmpty();
        assertThat(new SealedText("shared secret").open("v1.not*base64")).isEmpty();
        assertThat(new SealedText("shared secret").open(LINK)).isEmpty();
        assertThat(new SealedText("shared secret").open(null)).isEmpty();
    }

    @Test
    void refusesABlankSecretRatherThanSealWhatNobodyElseCanOpen() {
        assertThatThrownBy(() -> new SealedText(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
