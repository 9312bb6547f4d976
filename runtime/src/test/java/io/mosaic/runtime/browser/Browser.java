package io.mosaic.runtime.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Point;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the system packages, driven by the system chromedriver, so that Selenium Manager never
 * downloads anything. Screenshots go to {@code target/screenshots}, downloads to a fresh temporary folder.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.downloads = downloads;
    }

    static Browser start() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("mosaic-chromium-profile");
        Path downloads = Files.createTempDirectory("mosaic-chromium-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=en-US", "--force-prefers-reduced-motion", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        Files.createDirectories(SCREENSHOTS);
        return new Browser(new ChromeDriver(service, options), downloads);
    }

    /** Opens the page and forgets any earlier session, so each test starts signed out. */
    void openSignedOut(String url) {
        driver.get(url);
        driver.manage().deleteAllCookies();
        driver.executeScript("localStorage.clear()");
        driver.navigate().refresh();
    }

    void go(String url) {
        driver.get(url);
    }

    void reload() {
        driver.navigate().refresh();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * Lays the page out as a phone of this size. Resizing the window is not enough: Chromium keeps a desktop
     * window at least 500 px wide and would only crop the screenshot.
     */
    void emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Lays the page out on a desktop screen of exactly this size (the window alone would lose the browser's bars). */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** For effects the page shows before the server has them, such as a language choice saved in the background. */
    void waitUntil(BooleanSupplier condition) {
        wait.until(d -> condition.getAsBoolean());
    }

    void waitForCount(String css, int count) {
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(css), count));
    }

    /** The page clears a field once it has handled the answer to what was sent with it. */
    void waitUntilEmpty(String css) {
        wait.until(d -> d.findElement(By.cssSelector(css)).getDomProperty("value").isEmpty());
    }

    void waitUntilGone(String css) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Clicks an element once it is clickable, first scrolled to the middle of the window: Chromium would scroll it only
     * to the top edge, under the page's fixed header, which would then take the click.
     */
    void click(String css) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /**
     * Replaces a field's text by typing, so the page sees input events: WebElement.clear() would leave the page's
     * model unchanged, and its next render could put the old text back in front of the new.
     */
    void type(String css, String text) {
        WebElement field = waitFor(css);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
        wait.until(d -> text.equals(field.getDomProperty("value")));
    }

    /** Chooses the option with this visible text once the (asynchronously filled) list offers it. */
    void select(String css, String optionText) {
        wait.until(d -> d.findElements(By.cssSelector(css + " option")).stream()
                .anyMatch(option -> option.getText().equals(optionText)));
        new Select(driver.findElement(By.cssSelector(css))).selectByVisibleText(optionText);
    }

    /**
     * Sets a control's value as the user's picker would and tells the page, for inputs whose typing format
     * depends on the browser's locale (date, time).
     */
    void setValue(String css, String value) {
        WebElement field = waitFor(css);
        driver.executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));"
                + " arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", field, value);
    }

    /** File inputs accept a path even though this one is visually hidden behind a styled button. */
    void attach(String css, Path file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css))).sendKeys(file.toString());
    }

    /**
     * Drags the element {@code sourceCss} names to the point {@code at} picks in the element {@code targetCss}
     * (given its rectangle in the viewport), with real pointer actions: press, move, release. The pointer approaches
     * in steps and measures the target again before each, as a hand follows a drop zone that the page moves while
     * something is dragged (a placeholder opening above it). Both elements are first waited for (a palette fills in
     * once its list has loaded) and scrolled into view.
     */
    void drag(String sourceCss, String targetCss, Function<Rectangle, Point> at) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + "arguments[1].scrollIntoView({block: 'center'});", waitFor(sourceCss), waitFor(targetCss));
        Rectangle source = viewportRect(sourceCss);
        int x = source.x + source.width / 2;
        int y = source.y + source.height / 2;
        new Actions(driver).moveToLocation(x, y).clickAndHold().moveToLocation(x + 12, y + 12)
                .pause(Duration.ofMillis(120)).perform();
        for (int approach = 0; approach < 3; approach++) {
            Point point = at.apply(viewportRect(targetCss));
            new Actions(driver).moveToLocation(point.x, point.y).pause(Duration.ofMillis(160)).perform();
        }
        new Actions(driver).release().perform();
    }

    /** Scrolls the page until the element is in the middle of the window, e.g. to take a screenshot of it. */
    void scrollTo(String css) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", waitFor(css));
    }

    /** Clicks at a point of the viewport, e.g. on a chart element a canvas draws. */
    void clickAt(int x, int y) {
        new Actions(driver).moveToLocation(x, y).pause(Duration.ofMillis(80)).click().perform();
    }

    /** Where an element is in the viewport now. */
    @SuppressWarnings("unchecked")
    Rectangle viewportRect(String css) {
        Map<String, Number> rect = (Map<String, Number>) driver.executeScript(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + "return { x: r.left, y: r.top, width: r.width, height: r.height };", css);
        return new Rectangle(rect.get("x").intValue(), rect.get("y").intValue(), rect.get("height").intValue(),
                rect.get("width").intValue());
    }

    /** Presses Ctrl and a key on whatever has the focus, e.g. Ctrl+Z on the page. */
    void pressWithControl(String key) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys(key).keyUp(Keys.CONTROL).perform();
    }

    String value(String css) {
        return waitFor(css).getDomProperty("value");
    }

    String text(String css) {
        return waitFor(css).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** An answer to a GET made from inside the page. */
    record Fetched(int status, String body) {
    }

    /** Runs fetch() inside the page, so the request carries the browser's session cookie. */
    @SuppressWarnings("unchecked")
    Fetched fetch(String path) {
        Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { headers: { Accept: 'application/json' } })
                  .then(async r => done({ status: r.status, body: await r.text() }))
                  .catch(e => done({ status: 0, body: String(e) }));
                """, path);
        return new Fetched(((Number) answer.get("status")).intValue(), (String) answer.get("body"));
    }

    /**
     * Runs an asynchronous script in the page: it receives {@code args} and, last, the callback it must call with
     * its answer (maps, lists, strings, numbers and booleans come back as Java values).
     */
    Object runAsync(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    /** Waits for a finished download (Chromium renames it from *.crdownload when complete). */
    Path waitForDownload(String suffix) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Errors the page's scripts logged since the last call. Failed requests are left out: the server's refusals
     * (401, 409, 422…) are part of the scenarios, and the page shows them itself.
     */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    /** Whether the page is wider than the screen: on a phone that means sideways scrolling, a broken layout. */
    boolean horizontalOverflow() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
    }

    void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
