package org.pledgeworks.gateway.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * axe-core's judgement of the page the browser shows now, against WCAG 2.0 and 2.1 levels A and AA (issue 26).
 * It checks the page as it stands, scripts run and messages shown, so a test calls it at each state a person
 * would meet: a form with its errors, the success message, a console screen after sign-in. Only serious and
 * critical violations fail a test; axe's "incomplete" (what it cannot decide alone, such as contrast over an
 * image) is left to a person.
 */
final class Accessibility {

    private static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Accessibility() {
    }

    /** Fails with each serious or critical violation: its rule, impact, the elements and where to read more. */
    static void assertNoSeriousViolations(WebDriver browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG_A_AND_AA).analyze(browser);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page + ": " + results.getErrorMessage());
        }
        if (results.getPasses().isEmpty()) {
            // no rule passed: axe did not really look at the page, and no violations would prove nothing
            throw new AssertionError("axe-core found nothing to check on " + page + " (" + browser.getCurrentUrl() + ")");
        }
        List<String> problems = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(Accessibility::describe)
                .toList();
        // the lesser ones go to the test's output (target/failsafe-reports), to be read and fixed in time
        results.getViolations().stream()
                .filter(rule -> !BLOCKING.contains(rule.getImpact()))
                .forEach(rule -> System.out.println("accessibility, " + page + ": " + describe(rule)));
        if (!problems.isEmpty()) {
            throw new AssertionError("%s (%s) has %d serious or critical accessibility violation(s):%n%s".formatted(
                    page, browser.getCurrentUrl(), problems.size(), String.join(System.lineSeparator(), problems)));
        }
    }

    private static String describe(Rule rule) {
        String targets = rule.getNodes().stream()
                .map(CheckedNode::getTarget)
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        return "- %s (%s): %s — %s%n    at %s".formatted(rule.getId(), rule.getImpact(), rule.getHelp(),
                rule.getHelpUrl(), targets);
    }
}
