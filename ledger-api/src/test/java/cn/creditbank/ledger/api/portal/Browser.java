package cn.creditbank.ledger.api.portal;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The machine's headless Chromium driven through its own chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}), both named explicitly so that Selenium never tries to download one. Every screenshot
 * lands in {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * A fresh browser, or the test skipped with how to install one; with {@code LEDGER_BROWSER_TESTS=required}
     * (CI) a missing browser fails instead, so the tests cannot silently stop running.
     */
    static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "the portal's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with `apt-get install -y chromium chromium-driver`";
            if ("required".equals(System.getenv("LEDGER_BROWSER_TESTS"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            Path profile = Files.createTempDirectory("portal-chromium");
            Files.createDirectories(SCREENSHOTS);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    void type(By locator, String text) {
        WebElement field = visible(locator);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the element's text contains the expected text, and answers the whole text. */
    String textOf(By locator, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
        return driver.findElement(locator).getText();
    }

    void waitForUrl(String fragment) {
        wait.until(ExpectedConditions.urlContains(fragment));
    }

    /** Sets a field's value as a person's date picker would (typing into a date input depends on the locale). */
    void setValue(By locator, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", visible(locator), value);
    }

    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /**
     * The whole page, not just the window, as a PNG. Chromium lays the page out again without a scroll bar to capture
     * beyond the window, so the window's full width is the page's width then.
     */
    void screenshot(String name) {
        Number width = (Number) script("return Math.max(window.innerWidth, document.documentElement.scrollWidth)");
        Number height = (Number) script("return document.documentElement.scrollHeight");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders the page as the printer would get it (the print stylesheet), or again as the screen (false). */
    void printMedia(boolean print) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
    }

    void phoneWidth() {
        driver.manage().window().setSize(PHONE);
    }

    void desktopWidth() {
        driver.manage().window().setSize(DESKTOP);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
