package org.tacecrf.it.support;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages. Both
 * paths are given, so Selenium never downloads a browser or driver.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final URL base;
    private final WebDriverWait wait;

    public Browser(URL base) {
        System.setProperty("SE_OFFLINE", "true");
        this.base = base;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        Path profile;
        try {
            profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-profile");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1360,900", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=en-US", "--user-data-dir=" + profile);
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    public void login(String username, String password) {
        open("/login.xhtml");
        type(By.id("login:username"), username);
        type(By.id("login:password"), password);
        driver.findElement(By.id("login:submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml") || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
    }

    public void logout() {
        // From the home page, so no open dialog covers the header.
        open("/app/home.xhtml");
        click(By.id("header:userMenu_button"));
        click(By.id("header:logout"));
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    /** Clicks an element after scrolling it to the middle of the window, clear of the sticky header. */
    public void click(By by) {
        click(wait.until(ExpectedConditions.elementToBeClickable(by)));
    }

    public void click(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", element);
        try {
            wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            // A closing overlay (calendar, growl) still covers it; a user would click through once it is gone.
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
        }
    }

    public void type(By by, String text) {
        WebElement element = waitVisible(by);
        // Click first: inside a modal dialog, keys sent to an element that does not have focus are lost.
        click(element);
        // Select-all and delete rather than clear(): PrimeFaces date pickers restore their value on clear().
        element.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        element.sendKeys(text);
    }

    /**
     * Chooses an entry of a PrimeFaces select-one menu by its visible label (or the first real entry
     * when null), through the widget as a click would, so an animation cannot swallow the choice.
     */
    public void selectOne(String clientId, String label) {
        WebElement select = driver.findElement(By.id(clientId + "_input"));
        String value = null;
        for (WebElement option : select.findElements(By.tagName("option"))) {
            String text = option.getAttribute("textContent").trim();
            if (label == null ? !option.getAttribute("value").isEmpty() : text.equals(label)) {
                value = option.getAttribute("value");
                break;
            }
        }
        if (value == null) {
            throw new org.openqa.selenium.NoSuchElementException("no entry '" + label + "' in " + clientId);
        }
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var w = PrimeFaces.getWidgetById(arguments[0]); if (w.getSelectedValue() !== arguments[1]) {"
                        + " w.selectValue(arguments[1]); w.input.trigger('change'); }", clientId, value);
        waitForAjax();
    }

    /** Types into a date picker and closes its calendar, which would otherwise cover what is below. */
    public void typeDate(By by, String isoDate) {
        type(by, isoDate);
        WebElement input = driver.findElement(by);
        if (!isoDate.equals(input.getAttribute("value"))) {
            // A dialog still taking focus can swallow the keys under load; the field's text is what is posted.
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, isoDate);
        }
        // Tab accepts the typed date and moves on; Escape would discard it.
        input.sendKeys(org.openqa.selenium.Keys.TAB);
    }

    public WebElement waitVisible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Waits until PrimeFaces has no AJAX request in flight. */
    public void waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves a screenshot under target/ to see what a failing test saw. */
    public void debugShot(String name) {
        try {
            Path target = Path.of("target", "browser-debug", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // Only a debugging aid.
        }
    }

    /** Saves a screenshot for the user guide (docs/screenshots), kept current by the tests. */
    public void screenshot(String name) {
        String dir = System.getProperty("browser.screenshots");
        if (dir == null) {
            return;
        }
        try {
            Path target = Path.of(dir).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
