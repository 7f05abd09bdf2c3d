package org.lianluo.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.lianluo.identity.UserDirectory;
import org.lianluo.proposal.ProposalEvents.ProposalReplyCopied;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A copy of each reply to a proposal for every co-signer who confirmed (抄送附议代表): an inbox message (and an
 * e-mail or SMS as they chose for this kind) linking to the proposal, written in the reply's transaction like the opinion
 * loop's messages, once per reply round whatever happens twice.
 */
@Component
class ProposalReplyCopies {

	private final UserDirectory directory;

	private final StaffMessages staff;

	ProposalReplyCopies(UserDirectory directory, StaffMessages staff) {
		this.directory = directory;
		this.staff = staff;
	}

	@EventListener
	void on(ProposalReplyCopied event) {
		String key = "proposal-reply-copy:" + event.proposalId()
				+ (event.separateUnitId() == null ? "" : ":" + event.separateUnitId()) + ":" + event.round();
		Map<String, String> params = new LinkedHashMap<>();
		params.put("number", event.number() == null ? "" : String.format("%03d", event.number()));
		params.put("class", event.replyClass().name());
		String link = "/proposals/" + event.proposalId();
		for (UUID deputy : event.cosignerDeputyIds()) {
			for (UUID user : directory.usersOfDeputy(deputy)) {
				staff.send(key, user, "PROPOSAL_REPLY_COPY", "proposal-reply-copy", params, link);
			}
		}
	}
}
