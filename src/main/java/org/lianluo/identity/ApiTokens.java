package org.lianluo.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the API: 256 random bits given once to the caller, stored only as their SHA-256,
 * so that any node on the same database accepts them and a database dump reveals none.
 */
@Service
public class ApiTokens {

	static final Duration LIFETIME = Duration.ofHours(12);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Users users;

	ApiTokens(JdbcClient jdbc, Users users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	@Transactional
	public Issued issue(Actor user) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expires = Instant.now().plus(LIFETIME);
		jdbc.sql("delete from api_token where user_id = ? and expires_at < now()").param(user.id()).update();
		jdbc.sql("insert into api_token (token_hash, user_id, created_at, expires_at) values (?, ?, now(), ?)")
			.params(hash(token), user.id(), OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
			.update();
		return new Issued(token, expires, user);
	}

	public Optional<Actor> resolve(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select user_id from api_token where token_hash = ? and expires_at > now()")
			.param(hash(token))
			.query(UUID.class)
			.optional()
			.flatMap(users::byId)
			.filter(User::enabled)
			.map(User::toCurrentUser);
	}

	/** Ends a token now: its caller signs out of the API. */
	@Transactional
	public void revoke(String token) {
		if (token != null && !token.isBlank() && token.length() <= 100) {
			jdbc.sql("delete from api_token where token_hash = ?").param(hash(token)).update();
		}
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record Issued(String token, Instant expiresAt, Actor user) {
	}
}
