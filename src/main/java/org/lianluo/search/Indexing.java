package org.lianluo.search;

import java.util.function.Supplier;

import org.lianluo.search.internal.SearchIndexing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For a bulk writer that enters thousands of changes in one transaction (the demo year): the index is not updated
 * record by record on each change of its thread, but rewritten once from the records at the end, in the same
 * transaction, so that it holds exactly what is committed. Other threads index as always.
 */
@Service
public class Indexing {

	private static final ThreadLocal<Boolean> DEFERRED = new ThreadLocal<>();

	private final SearchIndexing indexing;

	Indexing(SearchIndexing indexing) {
		this.indexing = indexing;
	}

	/** Runs {@code work} with this thread's index updates put off, then rebuilds the index. */
	@Transactional
	public <T> T deferred(Supplier<T> work) {
		T result;
		DEFERRED.set(Boolean.TRUE);
		try {
			result = work.get();
		}
		finally {
			DEFERRED.remove();
		}
		indexing.rebuild();
		return result;
	}

	/** Whether this thread's index updates are put off until the end of a {@link #deferred} run. */
	public static boolean isDeferred() {
		return DEFERRED.get() != null;
	}
}
