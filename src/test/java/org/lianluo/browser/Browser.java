package org.lianluo.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * Debian's headless Chromium driven by Selenium, with no download at run time. Without Chromium the
 * browser tests are skipped loudly; with {@code CI=true} that skip is a failure.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	/** Whether clicking the element loads another page into this window. */
	private static final String LOADS_A_PAGE = """
			const e = arguments[0];
			const htmx = el => el && ['hx-get', 'hx-post', 'hx-put', 'hx-delete', 'hx-patch'].some(a => el.hasAttribute(a));
			const link = e.closest('a[href]');
			if (link) {
			  const href = link.getAttribute('href');
			  return !href.startsWith('#') && !href.startsWith('javascript:') && !link.getAttribute('target') && !link.hasAttribute('download')
			    && !htmx(link) && !/[.](xlsx|docx|pdf|csv)([?]|$)/.test(link.pathname);
			}
			const button = e.closest('button, input[type=submit], input[type=image]');
			if (!button || button.type !== 'submit' || !button.form || button.disabled) {
			  return false;
			}
			const form = button.form;
			return !htmx(form) && !htmx(button) && !form.getAttribute('target') && (button.formNoValidate || form.noValidate || form.checkValidity());
			""";

	private final WebDriver driver;

	private final String base;

	private Browser(WebDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	public static Browser open(int port) {
		return open(port, 1280, 900);
	}

	/** A phone-sized window, as most citizens see the portal. */
	public static Browser openMobile(int port) {
		return open(port, 360, 740);
	}

	public static Browser open(int port, int width, int height) {
		return open(port, width, height, false);
	}

	/**
	 * With {@code recordRequests}, Chromium's performance log is on: {@link #requestedUrls()} answers every URL the
	 * pages asked for (documents, scripts, styles, images, fonts, XHR), to prove that none leaves this machine.
	 */
	public static Browser open(int port, int width, int height, boolean recordRequests) {
		return open(port, width, height, recordRequests, null);
	}

	/**
	 * With a {@code profile} directory, Chromium keeps its storage there (IndexedDB, the service worker and its caches),
	 * so that a second browser opened on it is the same browser closed and opened again.
	 */
	public static Browser open(int port, int width, int height, boolean recordRequests, Path profile) {
		requireChromium();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height, "--lang=zh-CN");
		if (profile != null) {
			options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
		}
		if (recordRequests) {
			options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
	}

	static void requireChromium() {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present) {
			String message = "\n\n*** BROWSER TESTS SKIPPED: /usr/bin/chromium or /usr/bin/chromedriver is missing. "
					+ "Install the Debian packages chromium and chromium-driver (see .ci/run). ***\n";
			System.err.println(message);
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionError(message + "With CI=true a skipped browser test is a failure.");
			}
			Assumptions.abort(message);
		}
	}

	/** The URLs requested since the last call (needs {@code recordRequests}). */
	public java.util.List<String> requestedUrls() {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		java.util.List<String> urls = new java.util.ArrayList<>();
		for (org.openqa.selenium.logging.LogEntry entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.PERFORMANCE)) {
			tools.jackson.databind.JsonNode message = json.readTree(entry.getMessage()).path("message");
			if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
				urls.add(message.path("params").path("request").path("url").asText());
			}
		}
		return urls;
	}

	/** Sends a Chrome DevTools command through chromedriver (no DevTools client of a given version needed). */
	public Browser cdp(String command, java.util.Map<String, Object> parameters) {
		((org.openqa.selenium.chromium.ChromiumDriver) driver).executeCdpCommand(command, parameters);
		return this;
	}

	public WebDriver driver() {
		return driver;
	}

	public Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	public WebElement find(String css) {
		return new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	public Browser type(String css, String text) {
		WebElement e = find(css);
		e.clear();
		e.sendKeys(text);
		return this;
	}

	/**
	 * Clicks, and when the click loads another page (a link, a form submitted without htmx), waits until the page it
	 * was on is gone: Chromium may answer the click before it starts to navigate, and the old page can hold the very
	 * element the next step reads (a status, a form to type into).
	 */
	public Browser click(String css) {
		return click(new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))));
	}

	/** {@link #click(String)} on the link with this text. */
	public Browser clickLink(String text) {
		return click(new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.elementToBeClickable(By.linkText(text))));
	}

	private Browser click(WebElement target) {
		boolean loads = Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(LOADS_A_PAGE, target));
		WebElement page = loads ? driver.findElement(By.tagName("html")) : null;
		target.click();
		if (page != null) {
			// gone: stale, or (while Chromium swaps the document) a node that "does not belong to the document"
			new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage("the click did not load another page").until(d -> {
				try {
					page.isEnabled();
					return false;
				}
				catch (org.openqa.selenium.WebDriverException gone) {
					return true;
				}
			});
		}
		return this;
	}

	/** Runs a script in the page; its {@code arguments} are {@code args}. */
	public Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	public Browser select(String css, String value) {
		new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
		return this;
	}

	/** Ends the session, so that the next sign-in is someone else. */
	public Browser signOut() {
		driver.manage().deleteAllCookies();
		return this;
	}

	public String text(String css) {
		return find(css).getText();
	}

	public Browser signIn(String username, String password) {
		go("/login").type("#username", username).type("#password", password).click("form.stack button[type=submit]");
		// Wait for the answer to the sign-in (the page it leads to, or the form again with an error): a page asked for
		// before it arrives would be replaced by it.
		new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(d -> !d.getCurrentUrl().endsWith("/login"));
		return this;
	}

	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}
}
