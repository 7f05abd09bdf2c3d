package org.lianluo.opinion;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.AuditLog;
import org.lianluo.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's name and phone, decrypted: masked on every screen, in full only for a call back (audited) and for
 * the notification module's SMS, read alone and never with the aggregate.
 */
@Service
public class OpinionReveals {

	private final Opinions opinions;

	private final PersonalData personalData;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	OpinionReveals(Opinions opinions, PersonalData personalData, AuditLog audit, JdbcClient jdbc) {
		this.opinions = opinions;
		this.personalData = personalData;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** In full, for a call back by the office or the station; the reveal is audited. */
	@Transactional
	public Revealed reveal(UUID opinionId, Actor actor) {
		Opinion o = opinions.visible(opinionId, actor);
		audit.record(AuditLog.Action.PERSONAL_DATA_REVEALED, "opinion " + o.getId(), "submitter phone and name");
		return new Revealed(name(o), phone(o));
	}

	/** For the masked display: not audited, never shown in full. */
	public String phone(Opinion o) {
		return personalData.decrypt(o.getSubmitterPhoneEnc(), "opinion", "submitter_phone_enc", o.getId());
	}

	public String name(Opinion o) {
		return personalData.decrypt(o.getSubmitterNameEnc(), "opinion", "submitter_name_enc", o.getId());
	}

	/** The citizen's phone, for the notification module to send SMS to. */
	public Optional<String> citizenPhone(UUID opinionId) {
		return jdbc.sql("select submitter_phone_enc from opinion where id = ?")
			.param(opinionId)
			.query((rs, n) -> rs.getString(1))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.map(cipher -> personalData.decrypt(cipher, "opinion", "submitter_phone_enc", opinionId));
	}

	public record Revealed(String name, String phone) {
	}
}
