package org.lianluo.notification.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

import org.lianluo.notification.SmsProvider.Failed;
import org.lianluo.notification.SmsProvider.Outcome;

/** One call to an SMS gateway: its answer read by the provider, or why no answer came (a failure to try again). */
final class SmsCalls {

	private SmsCalls() {
	}

	static Outcome send(HttpClient http, HttpRequest request, Duration timeout, Function<HttpResponse<String>, Outcome> answer) {
		try {
			return answer.apply(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
		}
		catch (HttpTimeoutException ex) {
			return new Failed("timeout after " + timeout);
		}
		catch (IOException ex) {
			return new Failed("unreachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Failed("interrupted");
		}
	}
}
