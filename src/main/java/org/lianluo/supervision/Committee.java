package org.lianluo.supervision;

import java.util.List;
import java.util.UUID;

/**
 * A special committee of the congress of {@code regionCode}: its members (users; a deputy acts through their DEPUTY
 * user) and its fields: opinion categories, and words that mark a proposal's subject in its title or content.
 */
public record Committee(UUID id, String regionCode, String name, CommitteeKind kind, List<String> categories,
		List<String> subjects, List<Member> members) {

	public record Member(UUID userId, String username, String displayName) {
	}

	public boolean hasMember(UUID userId) {
		return userId != null && members.stream().anyMatch(m -> m.userId().equals(userId));
	}

	/** Whether the item lies in the committee's fields: an opinion by its category, a proposal by its words. */
	public boolean covers(SupervisedItem item) {
		if (item.type() == ItemType.OPINION) {
			return item.category() != null && categories.contains(item.category());
		}
		return subjects.stream().anyMatch(s -> item.text().contains(s));
	}
}
