package org.pledgeworks.campaign.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocaleChoiceTest {

    private static final List<String> AVAILABLE = List.of("en", "fr", "de", "pt-BR");

    @ParameterizedTest(name = "locale={0}, Accept-Language={1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "fr|null|fr",
            "FR|null|fr",
            "fr-CA|null|fr",
            "pt-br|null|pt-BR",
            "pt|null|en",
            "es|null|en",
            "null|null|en",
            "null|es, fr;q=0.8, en;q=0.5|fr",
            "null|de-CH|de",
            "null|en;q=0.2, de;q=0.9|de",
            "null|fr;q=0, de;q=0.1|de",
            "null|*|en",
            "null|es|en",
            "null|;;not a header==|en",
            "en|fr, de|en",
            "es|fr|en",
    })
    void choosesTheParameterThenTheBrowserThenTheDefault(String locale, String acceptLanguage, String expected) {
        assertThat(LocaleChoice.choose(AVAILABLE, locale, acceptLanguage)).isEqualTo(expected);
    }
}
