package org.pledgeworks.campaign.campaigns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which of a campaign's locales a reader gets: the {@code locale} parameter when it names one,
 * otherwise the best of the browser's {@code Accept-Language}, otherwise the campaign's default. A
 * regional tag falls back to its language ({@code de-CH} → {@code de}), as RFC 4647 lookup does;
 * tags compare without regard to case.
 */
final class LocaleChoice {

    private LocaleChoice() {
    }

    /**
     * @param available      the campaign's default locale first, then its translations
     * @param requested      the {@code locale} parameter, or null
     * @param acceptLanguage the {@code Accept-Language} header, or null; a malformed one is ignored
     */
    static String choose(List<String> available, String requested, String acceptLanguage) {
        String fallback = available.get(0);
        if (requested != null && !requested.isBlank()) {
            String found = lookup(available, requested);
            return found != null ? found : fallback;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return fallback;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = new ArrayList<>(Locale.LanguageRange.parse(acceptLanguage));
        }
        catch (IllegalArgumentException e) {
            return fallback; // a header we cannot read is no reason to refuse the page
        }
        ranges.sort(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed());
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0 || range.getRange().equals("*")) {
                continue;
            }
            String found = lookup(available, range.getRange());
            if (found != null) {
                return found;
            }
        }
        return fallback;
    }

    /** The available tag equal to {@code tag}, or to it with subtags taken off from the right. */
    private static String lookup(List<String> available, String tag) {
        String candidate = tag.toLowerCase(Locale.ROOT).replace('_', '-');
        while (!candidate.isEmpty()) {
            for (String locale : available) {
                if (locale != null && locale.toLowerCase(Locale.ROOT).equals(candidate)) {
                    return locale;
                }
            }
            int dash = candidate.lastIndexOf('-');
            candidate = dash < 0 ? "" : candidate.substring(0, dash);
        }
        return null;
    }
}
