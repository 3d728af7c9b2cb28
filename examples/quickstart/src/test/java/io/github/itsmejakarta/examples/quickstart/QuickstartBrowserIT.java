package io.github.itsmejakarta.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.github.itsmejakarta.testkit.TestPerson;
import io.github.itsmejakarta.testkit.TestPersons;

/**
 * The quickstart in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, no
 * driver download) logs in through the simulator's page, reads the claims page, confirms a text and logs out. A
 * screenshot of each step goes to {@code target/screenshots/}. Without Chromium the test is skipped, unless
 * {@code CI=true} (system property or environment), where a missing browser is a failure.
 */
class QuickstartBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path
            .of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final TestPerson PERSON = TestPersons.BELGIAN_EID_HOLDER;

    private static QuickstartRunner quickstart;
    private static Path screenshots;

    private WebDriver browser;
    private WebDriverWait wait;
    private int step;

    @BeforeAll
    static void startQuickstart() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        boolean ci = "true".equalsIgnoreCase(System.getProperty("CI", System.getenv("CI")));
        if (!present && ci) {
            throw new AssertionError("CI=true but Chromium is missing: install chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + ")");
        }
        if (!present) {
            String why = "Chromium not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): browser test skipped; apt-get install chromium chromium-driver";
            System.err.println("QuickstartBrowserIT: " + why); // the build log shows why nothing ran
            Assumptions.abort(why);
        }
        quickstart = QuickstartRunner.start(QuickstartRunner.Settings.fromSystemProperties());
        screenshots = Files.createDirectories(Path.of(System.getProperty("quickstart.work")).getParent()
                .resolve("screenshots"));
    }

    @AfterAll
    static void stopQuickstart() {
        if (quickstart != null) {
            quickstart.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory(Path.of(System.getProperty("quickstart.work")).getParent(),
                "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1200,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void logInSeeClaimsConfirmAndLogOut() throws IOException {
        browser.get(quickstart.application().toString());
        WebElement button = waitFor(ExpectedConditions.elementToBeClickable(By.id("itsme-button")));
        assertThat(button.getText()).contains("Log in with itsme");
        screenshot("home");

        button.click();
        waitFor(ExpectedConditions.elementToBeClickable(By.id("approve")));
        assertThat(browser.findElement(By.id("client-id")).getText()).isEqualTo(QuickstartRunner.CLIENT_ID);
        assertThat(browser.findElement(By.id("service-code")).getText()).isEqualTo("QUICKSTART_LOGIN");
        browser.findElement(By.id("person-" + PERSON.id())).click();
        screenshot("itsme-login-page");

        browser.findElement(By.id("approve")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("claims")));
        assertThat(browser.getCurrentUrl()).isEqualTo(quickstart.application().resolve("me").toString());
        assertThat(browser.findElement(By.id("sub")).getText()).isEqualTo(PERSON.subFor(QuickstartRunner.CLIENT_ID));
        assertThat(browser.findElement(By.id("caller-name")).getText())
                .isEqualTo(PERSON.claim("name").map(Object::toString).orElseThrow());
        assertThat(browser.findElement(By.id("national-number")).getText()).isEqualTo(PERSON
                .claim("http://itsme.services/v2/claim/BENationalNumber").map(Object::toString).orElseThrow());
        screenshot("claims");

        WebElement text = browser.findElement(By.id("confirm-text"));
        text.clear();
        text.sendKeys("Pay the quickstart's invoice 42");
        browser.findElement(By.id("confirm-button")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("approval-text")));
        assertThat(browser.findElement(By.id("approval-text")).getText()).isEqualTo("Pay the quickstart's invoice 42");
        assertThat(browser.findElement(By.id("service-code")).getText()).isEqualTo("QUICKSTART_CONFIRM");
        browser.findElement(By.id("person-" + PERSON.id())).click();
        screenshot("itsme-confirm-page");

        browser.findElement(By.id("approve")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("confirmed-text")));
        assertThat(browser.findElement(By.id("confirmed-text")).getText()).isEqualTo("Pay the quickstart's invoice 42");
        screenshot("confirmed");

        browser.findElement(By.id("logout-button")).click();
        waitFor(ExpectedConditions.elementToBeClickable(By.id("itsme-button")));
        screenshot("logged-out");
        browser.get(quickstart.application().resolve("me").toString());
        waitFor(ExpectedConditions.elementToBeClickable(By.id("approve")));
        assertThat(browser.getCurrentUrl()).startsWith(quickstart.simulator().issuer());
    }

    /** Waits for {@code condition}; on timeout the failure names the page the browser is on and keeps a screenshot. */
    private <T> T waitFor(ExpectedCondition<T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            String page = browser.getCurrentUrl() + "\n" + browser.getPageSource();
            try {
                screenshot("failure");
            } catch (IOException | RuntimeException ignored) {
                // the page text below is the evidence
            }
            throw new AssertionError("waiting for " + condition + " on " + page, e);
        }
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++step, name));
        Files.write(file, png);
        assertThat(png).hasSizeGreaterThan(1000);
    }
}
