package org.lianluo.platform;

import java.lang.reflect.Method;
import java.sql.SQLException;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read on a standby that fails because of the standby — it stopped or went away under the query (SQLSTATE class 08,
 * 57P01–57P03), or it cancelled the query to replay the primary's changes (40001, a recovery conflict) — is run again,
 * whole, on the primary: the caller gets an answer, never that error (issue 25). Only a read-only transaction that
 * begins here, outside any other, is retried, and so is any read that failed on a standby taken out of rotation
 * meanwhile; a failed standby is out of rotation until a check finds it well again.
 */
final class ReplicaRetry implements MethodInterceptor {

	private final ObjectProvider<ReadReplicas> replicas;

	ReplicaRetry(ObjectProvider<ReadReplicas> replicas) {
		this.replicas = replicas;
	}

	/** The methods to guard: those that Spring runs in a read-only transaction. */
	static final class ReadOnlyMethods extends StaticMethodMatcherPointcut {

		// false: as Spring's own, also the package-visible methods of class-based proxies (the controllers' handlers)
		private final AnnotationTransactionAttributeSource attributes = new AnnotationTransactionAttributeSource(false);

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			TransactionAttribute attribute = attributes.getTransactionAttribute(method, targetClass);
			return attribute != null && attribute.isReadOnly();
		}
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (ReplicaTransactions.attempt() != null || TransactionSynchronizationManager.isActualTransactionActive()
				|| !(invocation instanceof ProxyMethodInvocation proxied)) {
			return invocation.proceed();
		}
		MethodInvocation again = proxied.invocableClone();
		ReplicaTransactions.Attempt attempt = ReplicaTransactions.startAttempt();
		try {
			try {
				return invocation.proceed();
			}
			catch (Throwable ex) {
				Replica replica = attempt.servedBy;
				String state = replica == null ? null : standbyFailure(ex);
				if (state == null && (replica == null || replica.inRotation())) {
					throw ex;
				}
				if (state != null && !"40001".equals(state)) {
					replicas.getObject().down(replica, "failed under a read (SQLSTATE " + state + ")");
				}
				attempt.primaryOnly = true;
				attempt.servedBy = null;
				return again.proceed();
			}
		}
		finally {
			ReplicaTransactions.endAttempt();
		}
	}

	/** The SQLSTATE of a failure that is the standby's and not the query's, or null. */
	static String standbyFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				// The rollback failed too, on the same lost connection: what the read met first tells.
				String first = standbyFailure(rollback.getApplicationException());
				if (first != null) {
					return first;
				}
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				String s = sql.getSQLState();
				if (s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03") || s.equals("40001")) {
					return s;
				}
			}
		}
		return null;
	}
}
