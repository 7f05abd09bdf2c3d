package org.lianluo.proposal;

import java.util.List;
import java.util.UUID;

/**
 * The commands of the proposal loop, one record per user action, grouped by the stage whose handler takes them.
 * The web layer, the demo and the tests build them; the handler is handed who acts ({@code Actor}) and when
 * ({@code Moment}) beside it.
 */
public final class ProposalCommands {

	private ProposalCommands() {
	}

	/** Any step of the loop that answers the proposal as it stands after it. */
	public sealed interface Step permits DraftCommand, SubmissionStep, RegistrationDecision, Assign, AcceptanceStep,
			ExtensionStep, RecordContact, RecordAssistingView, ReplyStep, Evaluate, PutUnderKeySupervision {
	}

	// --- drafting (提), handled by {@link Drafting}

	/** A new draft: by the lead deputy, by the office for a deputy, or from an opinion the deputy received. */
	public sealed interface DraftCommand extends Step permits Draft, DraftOnBehalf, DraftFromOpinion {
	}

	/** {@code POST /api/v1/proposals}, by the deputy who leads it. */
	public record Draft(UUID sessionId, String title, String content, List<UUID> coSignerIds) implements DraftCommand {
	}

	/** A draft the office enters on a deputy's behalf (代为录入). */
	public record DraftOnBehalf(UUID leadDeputyId, Draft draft) implements DraftCommand {
	}

	/** A draft from an opinion the deputy received; its content is the opinion's words unless given. */
	public record DraftFromOpinion(UUID opinionId, UUID sessionId, String title, String content) implements DraftCommand {
	}

	/** The deputies' steps before registration, handled by {@link Submitting}. */
	public sealed interface SubmissionStep extends Step permits Submit, Withdraw, AnswerCosign {

		UUID proposalId();
	}

	public record Submit(UUID proposalId) implements SubmissionStep {
	}

	public record Withdraw(UUID proposalId) implements SubmissionStep {
	}

	/** A co-signer confirms or declines. */
	public record AnswerCosign(UUID proposalId, Boolean confirm) implements SubmissionStep {
	}

	// --- registration (立案), handled by {@link Registering}

	public sealed interface RegistrationDecision extends Step permits Register, RefuseRegistration {

		UUID proposalId();
	}

	public record Register(UUID proposalId) implements RegistrationDecision {
	}

	/** Not registered, with what it became ({@code notRegisteredAs}: 转为来信/参阅件) and the reason. */
	public record RefuseRegistration(UUID proposalId, NotRegisteredAs notRegisteredAs, String reason)
			implements RegistrationDecision {
	}

	// --- assignment (交), handled by {@link Assigning}

	/**
	 * SEPARATE with one unit ({@code leadUnitId}), LEAD with assisting units, or SEPARATE with several units that each
	 * reply on their own: {@code unitIds}, to which a {@code leadUnitId} given as well is added first.
	 */
	public record Assign(UUID proposalId, AssignmentMode mode, UUID leadUnitId, List<UUID> assistingUnitIds,
			List<UUID> unitIds) implements Step {
	}

	// --- handling (办), by a unit holding the proposal or a part of it

	/** Handled by {@link Accepting}: the unit signs for its part or gives it back. */
	public sealed interface AcceptanceStep extends Step permits Accept, Return {

		UUID proposalId();
	}

	public record Accept(UUID proposalId) implements AcceptanceStep {
	}

	/** A wrongly assigned unit returns it within the window. */
	public record Return(UUID proposalId, String reason) implements AcceptanceStep {
	}

	/** Handled by {@link Extending}: asked by the unit, decided by the office, noticed to the deputy by the unit. */
	public sealed interface ExtensionStep extends Step permits RequestExtension, DecideExtension, RecordExtensionNotice {

		UUID proposalId();
	}

	public record RequestExtension(UUID proposalId, Integer months, String reason) implements ExtensionStep {
	}

	/** {@code unitId}: whose extension, required when several units reply separately. */
	public record DecideExtension(UUID proposalId, UUID unitId, Boolean approve, String note) implements ExtensionStep {
	}

	/** The written notice to the deputy of an approved extension (延期告知). */
	public record RecordExtensionNotice(UUID proposalId, String notice) implements ExtensionStep {
	}

	/** The unit's contact with the deputy before replying (沟通联系), handled by {@link Contacting}. */
	public record RecordContact(UUID proposalId, ContactMethod method, String note) implements Step {
	}

	/** An assisting unit's view (协办意见) for the lead unit, handled by {@link AssistingViews}. */
	public record RecordAssistingView(UUID proposalId, String text) implements Step {
	}

	/** Handled by {@link Replying}: the reply of a round, or a follow-up to a B or C reply. */
	public sealed interface ReplyStep extends Step permits Reply, FollowUp {

		UUID proposalId();
	}

	/** {@code publish}: the reply may appear on the portal, without the deputy's or anyone's name. */
	public record Reply(UUID proposalId, ReplyClass replyClass, String text, Boolean confirmedWithoutContact,
			Boolean publish) implements ReplyStep {
	}

	public record FollowUp(UUID proposalId, ReplyClass replyClass, String text) implements ReplyStep {
	}

	/** The signed reply document (答复函) as uploaded, handled by {@link ReplyDocuments}. */
	public record AttachReplyDocument(UUID proposalId, String filename, byte[] data) {
	}

	// --- evaluation (评) and supervision (督)

	/** The lead deputy's rating of a reply, handled by {@link Evaluating}; {@code unitId} names the unit when several reply. */
	public record Evaluate(UUID proposalId, UUID unitId, Verdict grade, String comment) implements Step {
	}

	/** A leader's key supervision (重点督办), handled by {@link KeySupervising}. */
	public record PutUnderKeySupervision(UUID proposalId, String topic) implements Step {
	}
}
