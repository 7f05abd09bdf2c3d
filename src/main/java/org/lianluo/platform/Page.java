package org.lianluo.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape API.md promises: {@code {items, page, size, total}}, plus {@code totalCapped}. A
 * list that would have to count a great many rows for each page counts its matches only up to a cap: when more match,
 * {@code total} is the cap and {@code totalCapped} is true; otherwise {@code total} is exact.
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalCapped) {

	public static final int MAX_SIZE = 200;

	/** A page whose total is exact. */
	public Page(List<T> items, int page, int size, long total) {
		this(items, page, size, total, false);
	}

	/** The page of a list held whole in memory (a year's contacts, a region's stations), checked as a caller gave it. */
	public static <T> Page<T> of(List<T> all, int page, int size) {
		check(page, size);
		int from = (int) Math.min((long) page * size, all.size());
		return new Page<>(List.copyOf(all.subList(from, Math.min(from + size, all.size()))), page, size, all.size());
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), page, size, total, totalCapped);
	}

	public int pages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	/** Checks {@code page} and {@code size} as a caller gave them. */
	public static void check(int page, int size) {
		if (page < 0) {
			throw LianluoException.invalidField("page", "problem.field.page");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw LianluoException.invalidField("size", "problem.field.size", MAX_SIZE);
		}
	}
}
