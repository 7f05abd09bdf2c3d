package org.lianluo.platform;

import java.io.IOException;
import java.util.Arrays;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One message bundle per module, {@code i18n/<module>_zh_CN.properties} beside {@code _en}: every
 * bundle on the class path is found, so a new module only adds its files.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	MessageSource messageSource() throws IOException {
		Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_zh_CN.properties");
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(Arrays.stream(bundles)
			.map(r -> "i18n/" + r.getFilename().replace("_zh_CN.properties", ""))
			.distinct()
			.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setDefaultLocale(java.util.Locale.SIMPLIFIED_CHINESE);
		return source;
	}
}
