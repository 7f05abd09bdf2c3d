package org.lianluo.notification.web;

import java.util.Map;

import org.lianluo.identity.Actor;
import org.lianluo.notification.Inbox;
import org.lianluo.platform.web.LayoutModel;
import org.springframework.stereotype.Component;

/** Puts the signed-in user's unread count into every screen's model, for the layout's header. */
@Component
class UnreadCountModel implements LayoutModel {

	private final Inbox inbox;

	UnreadCountModel(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public void addTo(Map<String, Object> model) {
		Actor.find().ifPresent(user -> model.put("unreadCount", inbox.unreadCount(user.id())));
	}
}
