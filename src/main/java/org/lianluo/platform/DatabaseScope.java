package org.lianluo.platform;

import java.util.function.Supplier;

/**
 * Which rows a connection may see (row-level security, V27_0). A signed-in caller sees their region's subtree,
 * the public pages see what the public may ask for, and work that nobody asked for — a sweep, a sender, a fold, the
 * demo load — names itself here and sees everything. Anything else sees nothing: a connection taken outside any of
 * these has no rows, so work that forgot to say who it is fails at once instead of reading across counties.
 */
public final class DatabaseScope {

	/** The setting value for every row, those without a region included: the whole installation. */
	public static final String ALL = "*";

	private static final ThreadLocal<String> SYSTEM = new ThreadLocal<>();

	private DatabaseScope() {
	}

	/** Runs {@code work} on this thread as the named system scope, e.g. {@code "opinion-supervision-sweep"}. */
	public static <T> T asSystem(String name, Supplier<T> work) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a system scope needs a name");
		}
		String previous = SYSTEM.get();
		SYSTEM.set(name);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				SYSTEM.remove();
			}
			else {
				SYSTEM.set(previous);
			}
		}
	}

	public static void asSystem(String name, Runnable work) {
		asSystem(name, () -> {
			work.run();
			return null;
		});
	}

	/** The system scope this thread runs in, or null. */
	static String systemName() {
		return SYSTEM.get();
	}

	/**
	 * The region a signed-in caller is limited to, answered by the identity module: the prefix that every region
	 * code of the caller's subtree starts with, {@link #ALL} for a caller whose scope is the whole installation, or
	 * null when nobody is signed in on this thread.
	 */
	public interface Caller {

		String regionPrefix();
	}
}
