package org.lianluo.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese by default; {@code ?lang=en} switches a browser to the English bundle and a cookie keeps it. Every
 * rendered screen gets the modules' {@link LayoutModel} attributes; every posting form is sent once
 * ({@link FormSubmissions}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final List<LayoutModel> layoutModels;

	private final JdbcClient jdbc;

	WebConfiguration(List<LayoutModel> layoutModels, JdbcClient jdbc) {
		this.layoutModels = layoutModels;
		this.jdbc = jdbc;
	}

	/** Each posting form's one-time token, beside what Spring Security adds ({@link FormSubmissions}). */
	@Bean
	static FormSubmissions.Tokens formSubmissionTokens() {
		return new FormSubmissions.Tokens();
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("lianluo-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new FormSubmissions(jdbc));
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView mav) {
				if (mav != null && mav.getView() == null && mav.getViewName() != null
						&& !mav.getViewName().startsWith("redirect:")) {
					layoutModels.forEach(l -> l.addTo(mav.getModel()));
				}
			}
		});
	}
}
