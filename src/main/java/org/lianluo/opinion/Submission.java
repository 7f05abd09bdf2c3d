package org.lianluo.opinion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An opinion as a citizen or staff member hands it in (API.md's body). Staff add the channel, when it
 * was received and the deputies who received it.
 */
public record Submission(String content, String regionCode, UUID stationId, OpinionKind kind, Category category,
		String name, String phone, Boolean anonymous, Channel channel, Instant receivedAt, List<UUID> deputyIds) {

	public Submission withChannel(Channel c) {
		return new Submission(content, regionCode, stationId, kind, category, name, phone, anonymous, c, null, List.of());
	}
}
