package com.aegisspeed.system;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operator console in Debian's headless Chromium, driven through Debian's chromedriver (both named
 * explicitly, so Selenium never looks for or downloads a browser or driver of its own), with a fresh profile per
 * browser. Spells what an operator does on the page; every wait polls generously, as the machine may be busy.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Pattern SERVER_FAILED = Pattern.compile("\\(HTTP 5\\d\\d");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;
    private final URI console;

    private ConsoleBrowser(ChromeDriver driver, Path profile, URI console) {
        this.driver = driver;
        this.profile = profile;
        this.console = console;
    }

    /** A browser ready to open {@code console} (the gateway's {@code /console/}). */
    static ConsoleBrowser start(URI console) {
        Path profile;
        try {
            profile = Files.createTempDirectory("aegis-console-chromium");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2400", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        return new ConsoleBrowser(driver, profile, console);
    }

    /** Opens {@code path} relative to the gateway, e.g. {@code /console}. */
    void open(String path) {
        driver.get(console.resolve(path).toString());
    }

    /** Opens the console in a clean tab state: no token, no secret. */
    void openFresh() {
        driver.get(console.toString());
        script("sessionStorage.clear(); localStorage.clear();");
        driver.navigate().refresh();
        awaitVisible("login-view");
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    void logIn(String aegisSpeedId, String password) {
        awaitVisible("login-view");
        type("login-id", aegisSpeedId);
        type("login-password", password);
        click(By.id("login-submit"));
    }

    void enterSecretPassword(String password) {
        awaitVisible("secret-view");
        type("secret-password", password);
        click(By.id("secret-submit"));
    }

    /** Logs in, passes the admin-secret step and waits for the service tables. */
    void logInAsOperator(String aegisSpeedId, String password) {
        logIn(aegisSpeedId, password);
        pressAgainOnUnavailable("login-submit", "secret-view");
        enterSecretPassword(password);
        pressAgainOnUnavailable("secret-submit", "dashboard-view");
        await(d -> !d.findElements(By.cssSelector("#services tr[data-endpoint]")).isEmpty());
    }

    /**
     * Waits for {@code nextView}; while the page says the server failed (5xx: on a loaded machine a password check
     * may outlast the gateway's or auth-service's read timeout), presses {@code button} again, as an operator would.
     */
    void pressAgainOnUnavailable(String button, String nextView) {
        await(d -> {
            if (d.findElement(By.id(nextView)).isDisplayed()) {
                return true;
            }
            WebElement submit = d.findElement(By.id(button));
            if (SERVER_FAILED.matcher(message()).find() && submit.isDisplayed() && submit.isEnabled()) {
                submit.click();
            }
            return false;
        });
    }

    void awaitVisible(String viewId) {
        await(d -> d.findElement(By.id(viewId)).isDisplayed());
    }

    boolean isVisible(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    /** The message banner's text once it says something containing {@code expected}. */
    String awaitMessage(String expected) {
        return await(d -> {
            WebElement message = d.findElement(By.id("message"));
            return message.isDisplayed() && message.getText().contains(expected) ? message.getText() : null;
        });
    }

    /** What the page shows, for a wait that gave up. */
    private String state() {
        try {
            Object views = script("return ['login-view', 'secret-view', 'dashboard-view']"
                    + ".filter(id => !document.getElementById(id).hidden).join(',');");
            return "visible: " + views + "; message: '" + message() + "'";
        } catch (RuntimeException e) {
            return "page unreadable: " + e;
        }
    }

    String message() {
        WebElement message = driver.findElement(By.id("message"));
        return message.isDisplayed() ? message.getText() : "";
    }

    void logOut() {
        click(By.id("logout"));
    }

    void refresh() {
        click(By.id("refresh"));
    }

    /** The endpoint's row in its service's table. */
    By row(String endpoint) {
        return By.cssSelector("#services tr[data-endpoint='" + endpoint + "']");
    }

    String rowText(String endpoint, String cell) {
        return await(d -> d.findElement(row(endpoint)).findElement(By.cssSelector("td." + cell)).getText());
    }

    /** Waits until the endpoint's cell (e.g. {@code requests}) shows a number at least {@code least}. */
    long awaitCount(String endpoint, String cell, long least) {
        return await(d -> {
            long shown = Long.parseLong(d.findElement(row(endpoint)).findElement(By.cssSelector("td." + cell)).getText());
            return shown >= least ? shown : null;
        });
    }

    /** Waits until the service's traffic chart counts at least {@code least} requests; answers its data. */
    Map<String, String> awaitChart(String service, long least) {
        return await(d -> {
            WebElement figure = d.findElement(By.cssSelector(
                    "#services section[data-service='" + service + "'] figure.traffic-chart"));
            long requests = Long.parseLong(figure.getAttribute("data-requests"));
            return requests >= least ? Map.of("requests", figure.getAttribute("data-requests"),
                    "minutes", figure.getAttribute("data-minutes"),
                    "points", figure.findElement(By.cssSelector("polyline.requests")).getAttribute("points"),
                    "caption", figure.findElement(By.tagName("figcaption")).getText()) : null;
        });
    }

    void awaitRowOpen(String endpoint, boolean open) {
        await(d -> String.valueOf(open).equals(d.findElement(row(endpoint)).getAttribute("data-open"))
                && d.findElement(row(endpoint)).findElement(By.cssSelector(".switch"))
                .getAttribute("aria-checked").equals(String.valueOf(open)));
    }

    void clickSwitch(String endpoint) {
        click(By.cssSelector("#services tr[data-endpoint='" + endpoint + "'] button.switch"));
        awaitDialog(true);
    }

    void clickServiceButton(String service, String action) {
        click(By.cssSelector("#services section[data-service='" + service + "'] button[data-action='" + action + "']"));
        awaitDialog(true);
    }

    String confirmationText() {
        return driver.findElement(By.id("confirm-text")).getText();
    }

    void confirm() {
        click(By.id("confirm-ok"));
        awaitDialog(false);
    }

    void cancel() {
        click(By.id("confirm-cancel"));
        awaitDialog(false);
    }

    private void awaitDialog(boolean open) {
        await(d -> (open == Boolean.TRUE.equals(script("return document.getElementById('confirm').open;"))));
    }

    /** The change-history rows as shown: when, endpoint, change, by. */
    List<List<String>> historyRows() {
        return await(d -> d.findElements(By.cssSelector("#history tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList());
    }

    List<List<String>> awaitHistory(Function<List<List<String>>, Boolean> condition) {
        return await(d -> {
            List<List<String>> rows = historyRows();
            return condition.apply(rows) ? rows : null;
        });
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Fills the maintenance-window form ({@code target} an option's value such as {@code service:machine-service},
     * times as the form's datetime-local fields take them, read as UTC) and presses Schedule: the confirmation opens.
     */
    void scheduleWindow(String target, String from, String until, String reason) {
        await(d -> d.findElement(By.cssSelector("#mw-target option[value='" + target + "']")));
        script("document.getElementById('mw-target').value = arguments[0];"
                + "document.getElementById('mw-start').value = arguments[1];"
                + "document.getElementById('mw-end').value = arguments[2];", target, from, until);
        type("mw-reason", reason);
        click(By.id("mw-submit"));
        awaitDialog(true);
    }

    /** The maintenance-window row with this reason once it shows {@code state}, pressing Refresh meanwhile. */
    WebElement awaitWindow(String reason, String state) {
        return await(d -> {
            for (WebElement row : d.findElements(By.cssSelector("#maintenance tbody tr"))) {
                if (reason.equals(row.findElement(By.cssSelector("td.reason")).getText())
                        && state.equals(row.getAttribute("data-state"))) {
                    return row;
                }
            }
            script("document.getElementById('refresh').click();");
            return null;
        });
    }

    void clickCancelWindow(String reason) {
        click(By.xpath("//table[@id='maintenance']//tr[td[@class='reason' and text()=" + xpathText(reason) + "]]//button"));
        awaitDialog(true);
    }

    private static String xpathText(String text) {
        return "'" + text.replace("'", "") + "'";
    }

    String sessionItem(String key) {
        return (String) script("return sessionStorage.getItem('" + key + "');");
    }

    void setSessionItem(String key, String value) {
        script("sessionStorage.setItem('" + key + "', '" + value + "');");
    }

    /** Browser console lines (errors, Content-Security-Policy reports) logged since the last call. */
    List<String> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Saves the whole window as {@code target/console-screenshots/<name>.png}. */
    Path screenshot(String name) {
        return save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Saves one element (e.g. a service's table) as {@code target/console-screenshots/<name>.png}. */
    Path screenshot(String name, By element) {
        return save(name, await(d -> d.findElement(element)).getScreenshotAs(OutputType.BYTES));
    }

    private Path save(String name, byte[] png) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void type(String id, String text) {
        WebElement field = await(d -> d.findElement(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks once the element is there and enabled; a refresh replacing it meanwhile is simply retried. */
    private void click(By by) {
        await(d -> {
            WebElement element = d.findElement(by);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE)
                .withMessage(this::state)
                .pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A profile left in the temp folder is harmless.
            }
        }
    }
}
