package org.pledgeworks.campaign.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void yesPartialNoMapToScoresAndNoDataToNone() {
        assertThat(Scale.YES_PARTIAL_NO.score("Yes")).hasValue(new Scale.Score(100.0));
        assertThat(Scale.YES_PARTIAL_NO.score("partial")).hasValue(new Scale.Score(50.0));
        assertThat(Scale.YES_PARTIAL_NO.score("no")).hasValue(new Scale.Score(0.0));
        assertThat(Scale.YES_PARTIAL_NO.score("no-data")).hasValue(new Scale.Score(null));
        assertThat(Scale.YES_PARTIAL_NO.score("maybe")).isEmpty();
    }

    @Test
    void percentIsZeroToHundred() {
        assertThat(Scale.PERCENT.score("62.5")).hasValue(new Scale.Score(62.5));
        assertThat(Scale.PERCENT.score("101")).isEmpty();
        assertThat(Scale.PERCENT.score("-1")).isEmpty();
        assertThat(Scale.PERCENT.score("NaN")).isEmpty();
        assertThat(Scale.PERCENT.score("lots")).isEmpty();
    }

    @Test
    void averagesLeaveOutWhatHasNoData() {
        assertThat(ProgressCard.mean(Arrays.asList(100.0, null, 50.0))).isEqualTo(75.0);
        assertThat(ProgressCard.mean(Arrays.asList(null, null))).isNull();
        assertThat(ProgressCard.mean(Arrays.asList(100.0, 50.0, 50.0))).isEqualTo(66.7);
    }
}
