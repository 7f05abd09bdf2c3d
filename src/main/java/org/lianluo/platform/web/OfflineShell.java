package org.lianluo.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The installable shell (issue 24): the web app manifest and the service worker, both served by the application from
 * its own origin. The worker's version is a digest of itself and of every file it keeps, so a release that changes
 * any of them installs a new worker, which drops the caches of the one before.
 */
@RestController
class OfflineShell {

	/** What the worker keeps at install: the shell, the region tree and the public speak page. */
	static final List<String> PRECACHE = List.of("/", "/opinions/new", "/css/lianluo.css", "/js/lianluo.js",
			"/js/offline.js", "/js/portal.js", "/webjars/htmx.org/dist/htmx.min.js", "/manifest.webmanifest",
			"/img/icon-192.png", "/img/icon-512.png", "/api/v1/public/regions");

	private static final String MEDIA_JS = "text/javascript;charset=UTF-8";

	private final String worker;

	private final MessageSource messages;

	OfflineShell(MessageSource messages) {
		this.messages = messages;
		String template = read("classpath:offline/sw.js");
		String precache = PRECACHE.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ", "[", "]"));
		this.worker = template.replace("__VERSION__", version(template)).replace("__PRECACHE__", precache);
	}

	@GetMapping(path = "/sw.js", produces = MEDIA_JS)
	ResponseEntity<String> worker() {
		// Never cached by HTTP: the browser must see a new release's worker at once.
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(worker);
	}

	@GetMapping(path = "/manifest.webmanifest", produces = "application/manifest+json")
	ResponseEntity<Map<String, Object>> manifest(Locale locale) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.body(Map.of("name", messages.getMessage("app.public-name", null, locale), "short_name",
					messages.getMessage("app.short-name", null, locale), "lang", locale.toLanguageTag(), "start_url", "/",
					"scope", "/", "display", "standalone", "background_color", "#ffffff", "theme_color", "#b41e1e",
					"icons", List.of(icon(192), icon(512))));
	}

	private static Map<String, String> icon(int size) {
		return Map.of("src", "/img/icon-" + size + ".png", "sizes", size + "x" + size, "type", MediaType.IMAGE_PNG_VALUE,
				"purpose", "any");
	}

	/** The digest of the worker and of the files it keeps (the pages and the region tree are asked for afresh). */
	private static String version(String template) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(template.getBytes(StandardCharsets.UTF_8));
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			for (String path : List.of("classpath:static/css/*.css", "classpath:static/js/*.js", "classpath:static/img/*",
					"classpath*:META-INF/resources/webjars/htmx.org/*/dist/htmx.min.js")) {
				Resource[] found = resolver.getResources(path);
				java.util.Arrays.sort(found, java.util.Comparator.comparing(r -> String.valueOf(r.getFilename())));
				for (Resource r : found) {
					try (InputStream in = r.getInputStream()) {
						digest.update(in.readAllBytes());
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(String location) {
		try (InputStream in = new PathMatchingResourcePatternResolver().getResource(location).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
