package org.lianluo.platform;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Puts {@link ScopedDataSource} in front of the application's data source, whichever configuration made it, and
 * puts the read replicas' routing behind it when there are any ({@link ReplicaConfiguration}), and
 * runs every db-scheduler task (sweeps, senders, folds, reminders) as the system scope named after the task. The
 * migrations run as the tables' owner.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseScopeConfiguration {

	@Bean
	static BeanPostProcessor scopedDataSource(ObjectProvider<DatabaseScope.Caller> callers,
			ObjectProvider<ReadReplicas> replicas) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!"dataSource".equals(name) || !(bean instanceof DataSource target) || bean instanceof ScopedDataSource) {
					return bean;
				}
				// With read replicas (issue 25) the scope is set on whichever server's connection the routing hands out.
				ReadReplicas standbys = replicas.getIfAvailable();
				return new ScopedDataSource(standbys == null ? target : standbys.routing(target), callers);
			}
		};
	}

	/**
	 * On an external server with a separate owner ({@code spring.flyway.user}, README), the migrations' connection to the
	 * application's database as that owner. (Spring Boot would derive it from the application's data source, which it
	 * cannot read once {@link ScopedDataSource} stands in front.)
	 */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	@ConditionalOnProperty(name = { "spring.datasource.url", "spring.flyway.user" })
	DataSource externalOwnerDataSource(Environment env) {
		return new DriverManagerDataSource(env.getRequiredProperty("spring.datasource.url"),
				env.getRequiredProperty("spring.flyway.user"), env.getProperty("spring.flyway.password", ""));
	}

	@Bean
	ExecutionInterceptor systemScopeForTasks() {
		return (instance, context, chain) -> DatabaseScope.asSystem(instance.getTaskName(),
				() -> chain.proceed(instance, context));
	}
}
