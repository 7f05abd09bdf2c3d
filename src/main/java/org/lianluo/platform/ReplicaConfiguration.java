package org.lianluo.platform;

import java.util.Map;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Read replicas (issue 25), only when {@code lianluo.replica.url} ({@code LIANLUO_REPLICA_URL}) names at least one:
 * without it no bean here exists and every connection comes from the primary as before.
 * {@link DatabaseScopeConfiguration} puts {@link ReadRouting} behind the scope of the application's data source.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReplicaConfiguration.ReplicaUrl.class)
class ReplicaConfiguration {

	@Bean(destroyMethod = "close")
	ReadReplicas readReplicas(Environment env) {
		return new ReadReplicas(env);
	}

	@Bean
	ReplicaTransactions replicaTransactions(ReadReplicas replicas) {
		return new ReplicaTransactions(replicas);
	}

	/** Around, so outside, the transaction: a retry is a new transaction on the primary. */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor replicaRetryAdvisor(ObjectProvider<ReadReplicas> replicas) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new ReplicaRetry.ReadOnlyMethods(), new ReplicaRetry(replicas));
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return advisor;
	}

	/** {@code /actuator/health/replicas} (the group of the indicator {@code readReplicas}): each standby's state and lag. The application is UP whatever they are. */
	@Bean
	HealthIndicator readReplicasHealthIndicator(ReadReplicas replicas) {
		return () -> Health.up().withDetails(replicas.details()).build();
	}

	/**
	 * The health group that shows the standbys' details (the endpoint shows none otherwise): set here, and not in
	 * application.yml, because a group naming a missing indicator stops the start without replicas. An operator's own
	 * {@code management.endpoint.health.group.replicas.*} settings win.
	 */
	@Bean
	static BeanFactoryPostProcessor replicaHealthGroup(ConfigurableEnvironment env) {
		return beanFactory -> env.getPropertySources()
			.addLast(new MapPropertySource("lianluo-replica-health", Map.of(
					"management.endpoint.health.group.replicas.include", "readReplicas",
					"management.endpoint.health.group.replicas.show-details", "always")));
	}

	static class ReplicaUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("lianluo.replica.url");
			return url != null && !url.isBlank();
		}
	}
}
