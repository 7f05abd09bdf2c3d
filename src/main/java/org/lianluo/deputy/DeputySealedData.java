package org.lianluo.deputy;

import static org.lianluo.platform.SealedTable.sealed;

import org.lianluo.platform.SealedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deputy's personal data, for the key rotation: the phone with its search hash. */
@Configuration(proxyBeanMethods = false)
class DeputySealedData {

	@Bean
	SealedTable deputySealedTable() {
		return SealedTable.of("deputy", "id", sealed("phone_cipher", "phone_hash"));
	}
}
