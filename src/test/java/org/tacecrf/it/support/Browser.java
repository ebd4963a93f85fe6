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
        driver.findElement(By.id("header:userMenu_button")).click();
        waitVisible(By.id("header:logout")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    public void type(By by, String text) {
        WebElement element = waitVisible(by);
        element.clear();
        element.sendKeys(text);
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
