package org.neighborshare.e2e.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.RunningSuite;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven by its chromium-driver, with a profile of its own, on
 * the gateway's origin (the portal is reached only through it). Saves a screenshot of every page it visits.
 */
final class Browser implements AutoCloseable {

    static final Path SHOTS = Path.of("target", "portal-screenshots");
    private static final AtomicInteger SHOT = new AtomicInteger();

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    final String base;

    Browser() {
        try {
            profile = Files.createTempDirectory("portal-chromium");
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // htmx swaps page parts in place: an element found a moment ago may be replaced before it is read, which
        // is a reason to look again, not a failure.
        wait.ignoring(StaleElementReferenceException.class);
        base = RunningSuite.config().gatewayUrl();
    }

    /** Opens a page of the portal (a path on the gateway). */
    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in on Keycloak's own page (the real one, served by Keycloak) and comes back to the portal. */
    Browser signIn(String username) {
        open("/signin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        shot("keycloak-sign-in");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Gateway.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(base));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signout")));
        return this;
    }

    Browser signOut() {
        driver.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin")));
        return this;
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Sets a field's value directly (long texts such as GeoJSON, where typing key by key is slow). */
    void paste(String id, String text) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, text);
    }

    String text(String css) {
        return find(css).getText();
    }

    /** A screenshot of the page as it is now, under target/portal-screenshots (numbered in visiting order). */
    Path shot(String name) {
        Path file = SHOTS.resolve(String.format("%02d-%s.png", SHOT.incrementAndGet(), name));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** axe-core on the page as it is: no violation of impact serious or critical. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertEquals(
                List.of(),
                bad.stream()
                        .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                                + v.getNodes().stream()
                                        .map(n -> String.valueOf(n.getTarget()))
                                        .collect(Collectors.joining(", ")))
                        .toList(),
                "axe-core on " + page);
    }

    WebDriver raw() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
