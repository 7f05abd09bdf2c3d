package org.lianluo.supervision.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Page;
import org.lianluo.supervision.Committee;
import org.lianluo.supervision.Committees;
import org.lianluo.supervision.KeySupervision;
import org.lianluo.supervision.KeySupervisions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/committees} (special committees: members and fields) and {@code /api/v1/key-supervisions} (重点督办:
 * take an item, instructions, invited deputies, conclusion).
 */
@RestController
class SupervisionApi {

	private final Committees committees;

	private final KeySupervisions supervisions;

	private final Clock clock;

	SupervisionApi(Committees committees, KeySupervisions supervisions, Clock clock) {
		this.committees = committees;
		this.supervisions = supervisions;
		this.clock = clock;
	}

	@GetMapping("/api/v1/committees")
	Page<Committee> committees(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return committees.list(Actor.current(), page, size);
	}

	@PostMapping("/api/v1/committees")
	@ResponseStatus(HttpStatus.CREATED)
	Committee createCommittee(@RequestBody Committees.CommitteeForm body) {
		return committees.create(body, Actor.current());
	}

	@GetMapping("/api/v1/committees/{id}")
	Committee committee(@PathVariable UUID id) {
		return committees.get(id, Actor.current());
	}

	@PutMapping("/api/v1/committees/{id}")
	Committee updateCommittee(@PathVariable UUID id, @RequestBody Committees.CommitteeForm body) {
		return committees.update(id, body, Actor.current());
	}

	/** A leader, or a committee's member naming the committee, takes an opinion or a proposal under key supervision. */
	@PostMapping("/api/v1/key-supervisions")
	@ResponseStatus(HttpStatus.CREATED)
	KeySupervision take(@RequestBody KeySupervisions.Take body) {
		return supervisions.take(body, Actor.current(), now());
	}

	/** Those the caller may see: a unit those of its items, an invited deputy theirs; {@code itemId} for one item's. */
	@GetMapping("/api/v1/key-supervisions")
	Page<KeySupervision> list(@RequestParam(required = false) UUID itemId,
			@RequestParam(required = false) KeySupervision.Status status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return supervisions.list(itemId, status, Actor.current(), page, size);
	}

	@GetMapping("/api/v1/key-supervisions/{id}")
	KeySupervision get(@PathVariable UUID id) {
		return supervisions.get(id, Actor.current());
	}

	@PostMapping("/api/v1/key-supervisions/{id}/instructions")
	KeySupervision instruct(@PathVariable UUID id, @RequestBody Instruction body) {
		return supervisions.instruct(id, body.text(), Actor.current(), now());
	}

	@PostMapping("/api/v1/key-supervisions/{id}/deputies")
	KeySupervision invite(@PathVariable UUID id, @RequestBody Invitation body) {
		return supervisions.invite(id, body.deputyIds(), Actor.current(), now());
	}

	@PostMapping("/api/v1/key-supervisions/{id}/conclusion")
	KeySupervision conclude(@PathVariable UUID id, @RequestBody Conclusion body) {
		return supervisions.conclude(id, body.conclusion(), Actor.current(), now());
	}

	private Moment now() {
		return Moment.live(clock);
	}

	record Instruction(String text) {
	}

	record Invitation(List<UUID> deputyIds) {
	}

	record Conclusion(String conclusion) {
	}
}
