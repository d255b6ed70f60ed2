package org.pledgeworks.infra.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Wait;
import org.pledgeworks.kit.testing.InstalledBrowser;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both are given by path
 * ({@link InstalledBrowser}), so Selenium never asks Selenium Manager for a driver or a browser and
 * nothing is downloaded; that Selenium Manager stayed silent is checked when the browser starts.
 * Every test that starts it carries {@code @RequiresBrowser}: where Chromium is missing the test is
 * reported skipped ("skipped: no browser"), which {@code ./pledgeworks test} counts and prints, so a
 * green build without browser tests says so. A test that starts it without the annotation fails here.
 */
public final class Browser implements AutoCloseable {

    /** Where a failing browser test leaves what the browser showed (infra/target/browser-failures). */
    public static final Path FAILURES = Path.of("target", "browser-failures").toAbsolutePath();

    /** The loggers through which Selenium would announce that it runs Selenium Manager. */
    private static final List<String> MANAGER_LOGGERS = List.of("org.openqa.selenium.manager",
            "org.openqa.selenium.remote.service.DriverFinder");

    /**
     * Selenium warns that it has no DevTools (CDP) bindings for this Chromium; the tests use
     * WebDriver only, so the warning is noise. Held here so the loggers keep their level.
     */
    private static final List<Logger> QUIETED = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() {
        for (Path needed : List.of(InstalledBrowser.CHROMIUM, InstalledBrowser.CHROMEDRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException("The browser tests need Debian's Chromium and its driver, but " + needed
                        + " is missing: apt-get install chromium chromium-driver (.ci/run installs them on CI)."
                        + " Mark the test @RequiresBrowser, so that it is skipped instead.");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("pledgeworks-chromium-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(InstalledBrowser.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1024", "--lang=en-GB", "--user-data-dir=" + profile,
                // no update checks, sync or other traffic of its own: the tests talk to 127.0.0.1 only
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(InstalledBrowser.CHROMEDRIVER.toFile()).usingAnyFreePort().build();

        List<LogRecord> managerRecords = new ArrayList<>();
        Handler listener = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                managerRecords.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        List<Logger> loggers = MANAGER_LOGGERS.stream().map(Logger::getLogger).toList();
        List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
        loggers.forEach(logger -> {
            logger.setLevel(Level.ALL);
            logger.addHandler(listener);
        });
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        }
        finally {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).removeHandler(listener);
                loggers.get(i).setLevel(levels.get(i));
            }
        }
        // DriverFinder's "Skipping Selenium Manager, path to chromedriver specified in Service class" is the good news
        managerRecords.removeIf(r -> String.valueOf(r.getMessage()).startsWith("Skipping Selenium Manager"));
        if (!managerRecords.isEmpty()) {
            driver.quit();
            throw new IllegalStateException("Selenium Manager was consulted although the driver and browser are given: "
                    + managerRecords.stream().map(LogRecord::getMessage).toList());
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** An explicit wait that also rides over a page replacing the element it was looking at. */
    public Wait<WebDriver> waitUpTo(Duration patience) {
        return new FluentWait<WebDriver>(driver).withTimeout(patience).pollingEvery(Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.NotFoundException.class)
                .ignoring(StaleElementReferenceException.class);
    }

    /** The form control a {@code <label>} with exactly this text names, as a person finds it. */
    public static WebElement labelled(SearchContext scope, String labelText) {
        WebElement label = scope.findElement(By.xpath(".//label[normalize-space()=" + xpathLiteral(labelText) + "]"));
        String target = label.getDomAttribute("for");
        if (target == null || target.isBlank()) {
            return label.findElement(By.xpath(".//input|.//select|.//textarea"));
        }
        return label.findElement(By.xpath("//*[@id=" + xpathLiteral(target) + "]"));
    }

    /** A button by what it says. */
    public static WebElement button(SearchContext scope, String text) {
        return scope.findElement(By.xpath(".//button[normalize-space()=" + xpathLiteral(text) + "]"));
    }

    /**
     * The texts the control's {@code aria-describedby} points at and that are shown: what a screen
     * reader reads out with the field, and what a sighted person sees next to it.
     */
    public List<String> descriptionsOf(WebElement control) {
        String ids = control.getDomAttribute("aria-describedby");
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        return Stream.of(ids.trim().split("\\s+")).map(id -> driver.findElement(By.id(id)))
                .filter(WebElement::isDisplayed).map(e -> e.getText().trim()).filter(t -> !t.isEmpty()).toList();
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /** Saves a screenshot and the page source of every open window, named after the test. */
    public List<Path> saveWhatItShows(String name) throws IOException {
        Files.createDirectories(FAILURES);
        String base = name.replaceAll("[^A-Za-z0-9._-]", "_");
        List<Path> saved = new ArrayList<>();
        String current = driver.getWindowHandle();
        List<String> windows = new ArrayList<>(driver.getWindowHandles());
        windows.remove(current);
        windows.add(0, current); // the window the test was looking at gets the plain name
        for (int i = 0; i < windows.size(); i++) {
            driver.switchTo().window(windows.get(i));
            String suffix = i == 0 ? "" : "-window" + (i + 1);
            Path png = FAILURES.resolve(base + suffix + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            Path html = FAILURES.resolve(base + suffix + ".html");
            Files.writeString(html, "<!-- " + driver.getCurrentUrl().replace("--", "- -") + " -->\n"
                    + driver.getPageSource(), StandardCharsets.UTF_8);
            saved.add(png);
            saved.add(html);
        }
        driver.switchTo().window(current);
        return saved;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            catch (IOException | UncheckedIOException e) {
                // a temp profile left behind is not worth failing a test run for
            }
        }
    }
}
