package org.lianluo.supervision;

import java.util.UUID;

/**
 * An opinion or a proposal as key supervision reads it: its region, a title, its status (the enum's name), an
 * opinion's category and the text a committee's subjects are looked for in.
 */
public record SupervisedItem(ItemType type, UUID id, String regionCode, String title, String status, String category,
		String text) {
}
