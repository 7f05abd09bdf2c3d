package org.lianluo.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A caller reads their own writes (issue 25): after each committed write of a request, the primary's write position
 * is kept with the caller — in the request (a read later in the same request), in a short-lived cookie (the browser's
 * next request, to whichever instance: a citizen's submission then the tracking page, an assessor's triage then the
 * list), and, for API clients that keep no cookies, on this instance under their {@code Authorization} header. A
 * read routed to a standby first waits, briefly, for the standby to have replayed that far (see {@link ReadRouting}).
 */
final class ReadYourWrites {

	/** The cookie: the position as hexadecimal digits, nothing about the caller. */
	static final String COOKIE = "lianluo-wal";

	/** Long past any standby in rotation (lianluo.replica.max-lag), short enough to stop costing anything soon. */
	private static final int COOKIE_SECONDS = 60;

	private static final String ATTRIBUTE = ReadYourWrites.class.getName();

	private static final Map<Integer, long[]> BY_AUTHORIZATION = new ConcurrentHashMap<>();

	private ReadYourWrites() {
	}

	/** Whether there is a caller to remember a write for: background work has no caller who reads after it. */
	static boolean inRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes;
	}

	static void remember(long position) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return;
		}
		HttpServletRequest request = attributes.getRequest();
		request.setAttribute(ATTRIBUTE, position);
		HttpServletResponse response = attributes.getResponse();
		if (response != null && !response.isCommitted()) {
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, Long.toHexString(position))
				.path("/")
				.httpOnly(true)
				.sameSite("Lax")
				.maxAge(COOKIE_SECONDS)
				.build()
				.toString());
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null) {
			if (BY_AUTHORIZATION.size() > 10_000) {
				BY_AUTHORIZATION.clear();
			}
			BY_AUTHORIZATION.put(authorization.hashCode(), new long[] { position, System.nanoTime() });
		}
	}

	/** The position this caller's reads must see, or 0. */
	static long required() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return 0;
		}
		HttpServletRequest request = attributes.getRequest();
		long required = request.getAttribute(ATTRIBUTE) instanceof Long here ? here : 0;
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (COOKIE.equals(c.getName())) {
					required = Math.max(required, parse(c.getValue()));
				}
			}
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null) {
			long[] kept = BY_AUTHORIZATION.get(authorization.hashCode());
			if (kept != null && System.nanoTime() - kept[1] < COOKIE_SECONDS * 1_000_000_000L) {
				required = Math.max(required, kept[0]);
			}
		}
		return required;
	}

	private static long parse(String hex) {
		try {
			return hex == null || hex.length() > 16 ? 0 : Long.parseUnsignedLong(hex, 16);
		}
		catch (NumberFormatException ex) {
			return 0; // a cookie someone made up: it only ever asks for a wait
		}
	}
}
