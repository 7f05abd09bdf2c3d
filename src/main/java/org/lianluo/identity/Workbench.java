package org.lianluo.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module puts on a user's workbench (the back office's landing page): for each role the user holds, that
 * role's queues in this module, each with its count and its oldest items first. Modules implement it as a bean;
 * the dashboard composes every bean's panels. Queries run through the app's DataSource, so the row-level security
 * of the caller's region applies; narrowing to a unit or a deputy is each implementation's own.
 */
public interface Workbench {

	/** How many items a panel lists; its count covers all of them. */
	int SHOWN = 8;

	/** The panels of this module for the roles {@code actor} holds; none for the others. */
	List<Panel> panels(Actor actor, LocalDate today);

	/**
	 * One queue: the role it serves, its title as a message key ({@code workbench.*}), how many items it holds,
	 * the oldest {@link #SHOWN} of them, and a warning message key when something needs attention (else null).
	 */
	record Panel(Role role, String key, long count, List<Item> items, String warning) {

		public Panel(Role role, String key, long count, List<Item> items) {
			this(role, key, count, items, null);
		}
	}

	/** An item of a queue: what it is, a short note, its date (yyyy-MM-dd) and the page that handles it. */
	record Item(String label, String note, String when, String href) {
	}
}
