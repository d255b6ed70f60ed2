package org.pledgeworks.notification.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Mail templates on the classpath, one set per template and locale:
 * {@code mail-templates/<name>/<locale>.subject.txt}, {@code .text.txt} and {@code .html}, with
 * {@code {{variable}}} placeholders. Every variable is HTML-escaped in the HTML part; none is in the
 * others. {@code {{{variable}}}} is the exception, for HTML sanitised where it was written (an
 * update's body, sanitised by campaign-service). A locale without its own set falls back to its language, then to English.
 * <p>
 * An HTML part is its {@code <title>} line and then the card the mail shows; what every mail has around
 * them (the document in the template's language, the grey page, the centred column) is written once, in
 * {@code mail-templates/layout.html}, at {@code [[lang]]}, {@code [[title]]} and {@code [[content]]}.
 */
@Component
public class MailTemplates {

    static final String DEFAULT_LOCALE = "en";
    private static final String LAYOUT = "mail-templates/layout.html";

    /** How a mail states when its link expires: "5 December 2026, 09:15 UTC". */
    public static final java.time.format.DateTimeFormatter LINK_EXPIRY = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    // {{name}} is escaped in HTML; {{{name}}} is not: only for HTML sanitised at its source (update bodies)
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\{?)\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}(}?)");

    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();
    // a fan-out renders the same few templates hundreds of thousands of times: each is parsed once
    private final Map<String, List<Part>> compiled = new ConcurrentHashMap<>();
    private final Map<String, String> chosenLocales = new ConcurrentHashMap<>();

    /** Literal text, then the variable after it (null at the end); raw: {@code {{{name}}}}. */
    private record Part(String literal, String variable, boolean raw) {
    }

    public Mail render(String template, String locale, String to, Map<String, String> variables) {
        String chosen = localeOf(template, locale);
        return new Mail(to,
                fill(parts(template, chosen, "subject.txt"), variables, UnaryOperator.identity()).strip(),
                fill(parts(template, chosen, "text.txt"), variables, UnaryOperator.identity()),
                fill(parts(template, chosen, "html"), variables, Html::escape));
    }

    /**
     * The locale whose templates {@link #render} uses for this request (its own, its language's, or English),
     * for what a feature writes into the variables in that language too: a date, a role's name.
     */
    public String localeOf(String template, String locale) {
        return chosenLocales.computeIfAbsent(template + "\n" + locale, k -> locale(template, locale));
    }

    private List<Part> parts(String template, String locale, String part) {
        return compiled.computeIfAbsent(path(template, locale, part), p -> {
            String text = file(template, locale, part);
            return compile("html".equals(part) ? inLayout(locale, text) : text);
        });
    }

    /** The HTML part's first line (its {@code <title>}) and the rest (its card) put into the layout. */
    private String inLayout(String locale, String html) {
        int endOfTitle = html.indexOf('\n');
        String layout = load(LAYOUT).orElseThrow(() -> new IllegalStateException("missing " + LAYOUT));
        return layout.replace("[[lang]]", locale).replace("[[title]]", html.substring(0, endOfTitle))
                .replace("[[content]]", html.substring(endOfTitle + 1));
    }

    private String locale(String template, String requested) {
        List<String> candidates = new ArrayList<>();
        if (requested != null && !requested.isBlank()) {
            String tag = Locale.forLanguageTag(requested.replace('_', '-')).toLanguageTag();
            candidates.add(tag);
            candidates.add(Locale.forLanguageTag(tag).getLanguage());
        }
        candidates.add(DEFAULT_LOCALE);
        for (String candidate : candidates) {
            if (!candidate.isEmpty() && load(path(template, candidate, "subject.txt")).isPresent()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no mail template " + template + " for " + DEFAULT_LOCALE);
    }

    private String file(String template, String locale, String part) {
        String path = path(template, locale, part);
        return load(path).orElseThrow(() -> new IllegalStateException("missing mail template " + path));
    }

    private static String path(String template, String locale, String part) {
        return "mail-templates/" + template + "/" + locale + "." + part;
    }

    private Optional<String> load(String path) {
        return cache.computeIfAbsent(path, p -> {
            try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(p)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<Part> compile(String template) {
        Matcher matcher = VARIABLE.matcher(template);
        List<Part> parts = new ArrayList<>();
        int from = 0;
        while (matcher.find()) {
            // unbalanced braces ({{{name}} or {{name}}}) are swallowed with the placeholder, which is escaped
            boolean raw = !matcher.group(1).isEmpty() && !matcher.group(3).isEmpty();
            parts.add(new Part(template.substring(from, matcher.start()), matcher.group(2), raw));
            from = matcher.end();
        }
        parts.add(new Part(template.substring(from), null, false));
        return List.copyOf(parts);
    }

    private static String fill(List<Part> parts, Map<String, String> variables, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder(1024);
        for (Part part : parts) {
            out.append(part.literal());
            if (part.variable() == null) {
                continue;
            }
            String value = variables.get(part.variable());
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + part.variable() + "}}");
            }
            out.append(part.raw() ? value : escape.apply(value));
        }
        return out.toString();
    }
}
