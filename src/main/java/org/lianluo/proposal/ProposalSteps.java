package org.lianluo.proposal;

import org.lianluo.identity.Actor;
import org.lianluo.platform.Attachments;
import org.lianluo.platform.Moment;
import org.lianluo.proposal.ProposalCommands.AcceptanceStep;
import org.lianluo.proposal.ProposalCommands.Assign;
import org.lianluo.proposal.ProposalCommands.DraftCommand;
import org.lianluo.proposal.ProposalCommands.Evaluate;
import org.lianluo.proposal.ProposalCommands.ExtensionStep;
import org.lianluo.proposal.ProposalCommands.PutUnderKeySupervision;
import org.lianluo.proposal.ProposalCommands.RecordAssistingView;
import org.lianluo.proposal.ProposalCommands.RecordContact;
import org.lianluo.proposal.ProposalCommands.RegistrationDecision;
import org.lianluo.proposal.ProposalCommands.ReplyStep;
import org.lianluo.proposal.ProposalCommands.SubmissionStep;
import org.springframework.stereotype.Component;

/**
 * Hands a command to the handler of its stage: one door for the API, the screens, the demo and the tests, which
 * build the same commands.
 */
@Component
public class ProposalSteps {

	private final Drafting drafting;

	private final Submitting submitting;

	private final Registering registering;

	private final Assigning assigning;

	private final Accepting accepting;

	private final Extending extending;

	private final Contacting contacting;

	private final AssistingViews assistingViews;

	private final Replying replying;

	private final ReplyDocuments documents;

	private final Evaluating rating;

	private final KeySupervising keySupervising;

	ProposalSteps(Drafting drafting, Submitting submitting, Registering registering, Assigning assigning,
			Accepting accepting, Extending extending, Contacting contacting, AssistingViews assistingViews,
			Replying replying, ReplyDocuments documents, Evaluating rating, KeySupervising keySupervising) {
		this.drafting = drafting;
		this.submitting = submitting;
		this.registering = registering;
		this.assigning = assigning;
		this.accepting = accepting;
		this.extending = extending;
		this.contacting = contacting;
		this.assistingViews = assistingViews;
		this.replying = replying;
		this.documents = documents;
		this.rating = rating;
		this.keySupervising = keySupervising;
	}

	public Proposal draft(DraftCommand command, Actor actor, Moment at) {
		return drafting.handle(command, actor, at);
	}

	public Proposal take(ProposalCommands.Step command, Actor actor, Moment at) {
		if (command instanceof DraftCommand c) {
			return drafting.handle(c, actor, at);
		}
		if (command instanceof SubmissionStep c) {
			return submitting.handle(c, actor, at);
		}
		if (command instanceof RegistrationDecision c) {
			return registering.handle(c, actor, at);
		}
		if (command instanceof Assign c) {
			return assigning.handle(c, actor, at);
		}
		if (command instanceof AcceptanceStep c) {
			return accepting.handle(c, actor, at);
		}
		if (command instanceof ExtensionStep c) {
			return extending.handle(c, actor, at);
		}
		if (command instanceof RecordContact c) {
			return contacting.handle(c, actor, at);
		}
		if (command instanceof RecordAssistingView c) {
			return assistingViews.handle(c, actor, at);
		}
		if (command instanceof ReplyStep c) {
			return replying.handle(c, actor, at);
		}
		if (command instanceof Evaluate c) {
			return rating.handle(c, actor, at);
		}
		return keySupervising.handle((PutUnderKeySupervision) command, actor, at);
	}

	public Attachments.Attachment attach(ProposalCommands.AttachReplyDocument command, Actor actor, Moment at) {
		return documents.handle(command, actor, at);
	}

	public ReplyDocuments documents() {
		return documents;
	}
}
