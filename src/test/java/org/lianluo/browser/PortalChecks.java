package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/**
 * What every portal page must pass in a real browser: axe-core (4.14.1, MPL-2.0, vendored under
 * {@code src/test/resources/axe/} from npm, injected by the test, never served to citizens) finds no serious or
 * critical violation of WCAG 2.1 A/AA; the page with its scripts and styles (images apart) weighs under 200 KB; and,
 * over the whole visit, no request went anywhere but this machine.
 */
final class PortalChecks {

	static final long MAX_PAGE_BYTES = 200 * 1024;

	private static final String AXE = load();

	private final Browser browser;

	private final List<String> urls = new ArrayList<>();

	private final List<String> pages = new ArrayList<>();

	PortalChecks(Browser browser) {
		this.browser = browser;
	}

	private static String load() {
		try (InputStream in = PortalChecks.class.getResourceAsStream("/axe/axe.min.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Screenshot, accessibility and weight of the page now shown; its requests are kept for {@link #nothingLeftThisMachine()}. */
	@SuppressWarnings("unchecked")
	PortalChecks page(String screenshot) {
		browser.screenshot(screenshot);
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
			js.executeScript(AXE);
		}
		Object result = js.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
				  .then(function (r) {
				    done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				      .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '
				        + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));
				  }, function (e) { done(['axe failed: ' + e]); });""");
		assertThat((List<String>) result).as("serious or critical accessibility violations on %s (%s)", screenshot,
				browser.driver().getCurrentUrl()).isEmpty();
		long bytes = ((Number) js.executeScript("""
				var nav = performance.getEntriesByType('navigation')[0];
				var total = nav ? nav.decodedBodySize : 0;
				performance.getEntriesByType('resource').forEach(function (r) {
				  if (r.initiatorType !== 'img' && r.initiatorType !== 'image' && !/\\.(png|jpe?g|svg|gif|webp)(\\?|$)/.test(r.name)) {
				    total += r.decodedBodySize;
				  }
				});
				return total;""")).longValue();
		assertThat(bytes).as("bytes of %s before images", screenshot).isPositive().isLessThan(MAX_PAGE_BYTES);
		pages.add(screenshot + " " + bytes + " B");
		urls.addAll(browser.requestedUrls());
		return this;
	}

	/** Every URL the visit asked for is on localhost (or data: and the like, which go nowhere). */
	void nothingLeftThisMachine() {
		urls.addAll(browser.requestedUrls());
		assertThat(urls).as("requests recorded").isNotEmpty();
		List<String> outside = urls.stream().filter(u -> {
			URI uri = URI.create(u.replace(" ", "%20"));
			String scheme = uri.getScheme();
			if (scheme == null || List.of("data", "blob", "about").contains(scheme)) {
				return false;
			}
			return !List.of("localhost", "127.0.0.1").contains(uri.getHost());
		}).toList();
		assertThat(outside).as("requests that left this machine").isEmpty();
		System.out.println("*** portal pages (before images): " + pages + "; " + urls.size() + " requests, all to localhost");
	}

	/** Sends every following request of this browser with the given headers (e.g. another client address). */
	void headers(Map<String, Object> headers) {
		browser.cdp("Network.enable", Map.of());
		browser.cdp("Network.setExtraHTTPHeaders", Map.of("headers", headers));
	}
}
