package org.lianluo.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of an SMTP server (GreenMail) that can hold back the server's answer to the end of a
 * message's data: the server has accepted and stored the message, the sender does not know it yet. That is the
 * moment between sending and marking sent, in which the tests kill the application.
 */
final class HoldingSmtpRelay implements AutoCloseable {

	private static final byte[] END_OF_DATA = { '\r', '\n', '.', '\r', '\n' };

	private final ServerSocket server;

	private final int target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	/** Whether to hold the answer to the next end of data. */
	volatile boolean hold;

	/** Counted down when an answer to an end of data is being held. */
	volatile CountDownLatch held = new CountDownLatch(1);

	HoldingSmtpRelay(int targetPort) throws IOException {
		this.target = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon(this::accept);
	}

	int port() {
		return server.getLocalPort();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
				sockets.add(client);
				sockets.add(upstream);
				AtomicBoolean dataEnded = new AtomicBoolean();
				daemon(() -> toServer(client, upstream, dataEnded));
				daemon(() -> toClient(upstream, client, dataEnded));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	/** Client to server, byte for byte, noting the end of a message's data before it is passed on. */
	private void toServer(Socket client, Socket upstream, AtomicBoolean dataEnded) {
		byte[] tail = new byte[END_OF_DATA.length];
		try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
			int b;
			while ((b = in.read()) != -1) {
				System.arraycopy(tail, 1, tail, 0, tail.length - 1);
				tail[tail.length - 1] = (byte) b;
				if (java.util.Arrays.equals(tail, END_OF_DATA)) {
					dataEnded.set(true);
				}
				out.write(b);
				if (b == '\n') {
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			// one side closed
		}
	}

	/** Server to client, line by line; the answer to an end of data is held while {@link #hold} is set. */
	private void toClient(Socket upstream, Socket client, AtomicBoolean dataEnded) {
		try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) != -1) {
				line.write(b);
				if (b != '\n') {
					continue;
				}
				if (dataEnded.getAndSet(false) && hold) {
					held.countDown();
					// Neither answer nor hang up: the sender waits, as it would for a slow server, until it dies.
					while (!client.isClosed()) {
						Thread.sleep(50);
					}
					return;
				}
				out.write(line.toByteArray());
				out.flush();
				line.reset();
			}
		}
		catch (IOException ex) {
			// one side closed
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void daemon(Runnable r) {
		Thread t = new Thread(r, "holding-smtp-relay");
		t.setDaemon(true);
		t.start();
	}

	@Override
	public void close() throws IOException {
		server.close();
		for (Socket s : sockets) {
			s.close();
		}
	}
}
