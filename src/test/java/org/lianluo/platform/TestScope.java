package org.lianluo.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The tests' own statements (fixtures written and read with SQL) run as the system scope "test", as the office's
 * database administrator would; what they ask of the application over HTTP runs as the caller they sign in as.
 * Registered for every test class (junit-platform.properties). Work a test hands to a thread of its own runs with
 * no scope, and sees nothing, unless it names one.
 */
public class TestScope implements InvocationInterceptor {

	static {
		// Awaitility would poll a condition on a thread of its own, outside this scope, and see no rows.
		Awaitility.pollInSameThread();
	}

	@Override
	public <T> T interceptTestClassConstructor(Invocation<T> invocation, ReflectiveInvocationContext<Constructor<T>> context,
			ExtensionContext extension) throws Throwable {
		return scoped(invocation);
	}

	@Override
	public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extension) throws Throwable {
		scoped(invocation);
	}

	@Override
	public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extension) throws Throwable {
		scoped(invocation);
	}

	@Override
	public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extension) throws Throwable {
		scoped(invocation);
	}

	@Override
	public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extension) throws Throwable {
		return scoped(invocation);
	}

	@Override
	public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extension) throws Throwable {
		scoped(invocation);
	}

	@Override
	public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extension) throws Throwable {
		scoped(invocation);
	}

	@Override
	public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extension) throws Throwable {
		scoped(invocation);
	}

	private static <T> T scoped(Invocation<T> invocation) throws Throwable {
		Throwable[] failure = new Throwable[1];
		T result = DatabaseScope.asSystem("test", () -> {
			try {
				return invocation.proceed();
			}
			catch (Throwable ex) {
				failure[0] = ex;
				return null;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		return result;
	}
}
