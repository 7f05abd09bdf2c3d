package org.lianluo.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.lianluo.identity.UserDirectory;
import org.lianluo.notification.Preferences;
import org.lianluo.proposal.ProposalEvents.ProposalReplyCopied;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A copy of each reply to a proposal for every co-signer who confirmed (抄送附议代表): an inbox message (and an
 * e-mail when they gave an address) linking to the proposal, written in the reply's transaction like the opinion
 * loop's messages, once per reply round whatever happens twice.
 */
@Component
class ProposalReplyCopies {

	private final UserDirectory directory;

	private final Outbox outbox;

	private final Preferences preferences;

	ProposalReplyCopies(UserDirectory directory, Outbox outbox, Preferences preferences) {
		this.directory = directory;
		this.outbox = outbox;
		this.preferences = preferences;
	}

	@EventListener
	void on(ProposalReplyCopied event) {
		String key = "proposal-reply-copy:" + event.proposalId() + ":" + event.round();
		Map<String, String> params = new LinkedHashMap<>();
		params.put("number", event.number() == null ? "" : String.format("%03d", event.number()));
		params.put("class", event.replyClass().name());
		String link = "/proposals/" + event.proposalId();
		for (UUID deputy : event.cosignerDeputyIds()) {
			for (UUID user : directory.deputyUsers(deputy)) {
				outbox.toInbox(key, user, "PROPOSAL_REPLY_COPY", "proposal-reply-copy", params, link);
				preferences.emailFor(user)
					.ifPresent(email -> outbox.toEmail(key, user, email, "proposal-reply-copy", params, link));
			}
		}
	}
}
