package org.lianluo.consultation;

import static org.lianluo.platform.SealedTable.sealed;

import org.lianluo.platform.SealedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A comment's personal data, for the key rotation: the commenter's name, and phone with its search hash. */
@Configuration(proxyBeanMethods = false)
class ConsultationSealedData {

	@Bean
	SealedTable consultationCommentSealedTable() {
		return SealedTable.of("consultation_comment", "id", sealed("name_enc"), sealed("phone_enc", "phone_hash"));
	}
}
