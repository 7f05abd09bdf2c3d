package org.lianluo.notification.web;

import java.util.Map;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.notification.Inbox;
import org.lianluo.notification.InboxMessage;
import org.lianluo.platform.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/inbox}: the caller's own messages, with the unread count; marking them read. */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApi {

	private final Inbox inbox;

	InboxApi(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		UUID user = Actor.current().id();
		Page<InboxMessage> messages = inbox.list(user, unread, page, size);
		return Map.of("items", messages.items(), "page", messages.page(), "size", messages.size(), "total",
				messages.total(), "unread", inbox.unreadCount(user));
	}

	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@PathVariable UUID id) {
		inbox.markRead(Actor.current().id(), id);
	}

	@PostMapping("/read-all")
	Map<String, Integer> readAll() {
		return Map.of("marked", inbox.markAllRead(Actor.current().id()));
	}
}
