package org.lianluo.opinion;

import static org.lianluo.platform.SealedTable.sealed;

import org.lianluo.platform.SealedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The opinion's personal data, for the key rotation: the citizen's name, and phone with its search hash. */
@Configuration(proxyBeanMethods = false)
class OpinionSealedData {

	@Bean
	SealedTable opinionSealedTable() {
		return SealedTable.of("opinion", "id", sealed("submitter_name_enc"),
				sealed("submitter_phone_enc", "submitter_phone_hash"));
	}
}
