package org.lianluo.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import org.springframework.core.io.ClassPathResource;

/** The word lists of {@code demo/baise-demo.properties}, and deterministic picks from them. */
final class DemoWords {

	private final Properties words = new Properties();

	private final Random random;

	DemoWords(long seed) {
		try (Reader reader = new java.io.InputStreamReader(new ClassPathResource("demo/baise-demo.properties").getInputStream(),
				StandardCharsets.UTF_8)) {
			words.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.random = new Random(seed);
	}

	String get(String key, Object... args) {
		String value = words.getProperty(key);
		if (value == null) {
			throw new IllegalStateException("demo word missing: " + key);
		}
		return args.length == 0 ? value : MessageFormat.format(value, args);
	}

	boolean has(String key) {
		return words.containsKey(key);
	}

	List<String> list(String key) {
		return Arrays.asList(get(key).split("\\s+"));
	}

	<T> T pick(List<T> from) {
		return from.get(random.nextInt(from.size()));
	}

	int between(int low, int high) {
		return low + random.nextInt(high - low + 1);
	}

	/** True with the given probability. */
	boolean chance(double p) {
		return random.nextDouble() < p;
	}

	/** One of {@code values} by integer weights. */
	<T> T weighted(List<T> values, int... weights) {
		int total = Arrays.stream(weights).sum();
		int r = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return values.get(i);
			}
		}
		return values.get(values.size() - 1);
	}
}
