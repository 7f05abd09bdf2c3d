package org.lianluo.opinion;

import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handling unit's steps (签收, 退回, 延期, 协办意见, 答复): the lead unit's handler accepts, returns, asks for time
 * and replies; an assisting unit's handler sends its view.
 */
@Service
public class UnitHandling {

	private final Opinions opinions;

	private final Deadlines deadlines;

	private final OpinionProperties rules;

	UnitHandling(Opinions opinions, Deadlines deadlines, OpinionProperties rules) {
		this.opinions = opinions;
		this.deadlines = deadlines;
		this.rules = rules;
	}

	public record Accept(UUID opinionId) {
	}

	/** Not this unit's business: back to triage, within the return window. */
	public record Return(UUID opinionId, String reason) {
	}

	public record RequestExtension(UUID opinionId, Integer workingDays, String reason) {
	}

	public record AssistingView(UUID opinionId, String view) {
	}

	public record Reply(UUID opinionId, ReplyResult result, String text) {

		/** Checked once the caller is known to be the lead unit's (a stranger learns 403 or 404, not what is missing). */
		Reply checked() {
			if (result == null) {
				throw LianluoException.invalidField("result", "opinion.reply.result.required");
			}
			return new Reply(opinionId, result, Text.required("text", text, 5000));
		}
	}

	@Transactional
	public Opinion accept(Accept command, Actor actor, Moment at) {
		Opinion o = opinions.ofLeadUnit(command.opinionId(), actor.require(Role.UNIT_HANDLER));
		o.accept(actor.username(), at.now());
		return opinions.save(o, actor);
	}

	@Transactional
	public Opinion returnToTriage(Return command, Actor actor, Moment at) {
		Opinion o = opinions.ofLeadUnit(command.opinionId(), actor.require(Role.UNIT_HANDLER));
		o.returnToTriage(Text.required("reason", command.reason(), 1000),
				o.getAssignedAt() == null ? at.now() : deadlines.returnWindowEnd(o.getAssignedAt()), actor.username(), at.now());
		return opinions.save(o, actor);
	}

	@Transactional
	public Opinion requestExtension(RequestExtension command, Actor actor, Moment at) {
		Opinion o = opinions.ofLeadUnit(command.opinionId(), actor.require(Role.UNIT_HANDLER));
		Integer days = command.workingDays();
		if (days == null || days < 1 || days > rules.maxExtensionWorkingDays()) {
			throw LianluoException.invalidField("workingDays", "opinion.extension.days", rules.maxExtensionWorkingDays());
		}
		o.requestExtension(days, Text.required("reason", command.reason(), 1000), rules.maxExtensionsPerRound(),
				actor.username(), at.now());
		return opinions.save(o, actor);
	}

	@Transactional
	public Opinion recordAssistingView(AssistingView command, Actor actor, Moment at) {
		actor.require(Role.UNIT_HANDLER);
		Opinion o = opinions.byId(command.opinionId()).orElseThrow(LianluoException::notFound);
		if (actor.unitId() == null || o.getAssistingUnits().stream().noneMatch(a -> a.unitId().equals(actor.unitId()))) {
			throw LianluoException.notFound();
		}
		o.recordAssistingView(actor.unitId(), Text.required("view", command.view(), 5000), actor.username(), at.now());
		return opinions.save(o, actor);
	}

	@Transactional
	public Opinion reply(Reply command, Actor actor, Moment at) {
		Opinion o = opinions.ofLeadUnit(command.opinionId(), actor.require(Role.UNIT_HANDLER));
		Reply reply = command.checked();
		o.reply(reply.result(), reply.text(), actor.username(), at.now());
		return opinions.save(o, actor);
	}
}
