/**
 * Notifications: every user's in-app inbox, e-mail copies for staff who gave an address (with an opt-out link),
 * and SMS to citizens, from a transactional delivery outbox with retries, quiet hours and a per-phone limit. The
 * loops never call it; it listens to their events.
 *
 * <h2>What is guaranteed</h2>
 * <ol>
 * <li><b>No message is lost, none is invented.</b> The opinion module publishes its events while it saves the
 * opinion, inside the transaction of the change, and the listeners here handle them right there: they only write
 * inbox rows and delivery rows (this module's outbox). So a message exists exactly when the change it reports
 * was committed, and nothing is sent before that commit: sending is the {@code notification-delivery} task's
 * job, after commit, in its own transactions.</li>
 * <li><b>No message is written twice.</b> Every message's id is a name-based UUID of (event, recipient, channel),
 * where the event is named by what identifies it in the loop (opinion, round deadline or reopen count,
 * supervision level); inbox and delivery rows are inserted with {@code on conflict do nothing} (their id is
 * their only key; naming it would make PostgreSQL check that the writer may read the new row, and a county's
 * caller writes messages for the city's leaders too), so handling one event twice writes nothing new.</li>
 * <li><b>Each SMS reaches the gateway until it is accepted, and each time under one out-id.</b> The
 * {@code notification-delivery} task claims due deliveries with {@code select ... for update skip locked} and
 * marks them SENDING with a lease ({@code lianluo.notification.delivery.lease}, far above the gateway timeout)
 * before any call leaves the node; so two nodes never send one delivery at the same time. The outcome is
 * marked in a second transaction, guarded by the attempt number, so that a late answer never overwrites a newer
 * claim. If the node dies between the gateway's acceptance and that mark, the lease expires and the delivery
 * is sent again, <em>with the same out-id</em> (the delivery's id).</li>
 * <li><b>Exactly once per message id</b> therefore holds towards a gateway that deduplicates by out-id (the fake
 * gateway of the tests). Aliyun's {@code OutId} and Tencent's {@code SessionContext} carry the delivery's id too,
 * but neither provider deduplicates by it (Aliyun documents {@code SendSms} as not idempotent).
 * Towards a gateway that does not, a crash or timeout between acceptance and mark can cause one duplicate per
 * such crash; never more, since each resend needs a new lease to expire. SMTP has no such deduplication:
 * an e-mail resent after such a crash arrives twice, both copies with the same Message-ID
 * ({@code <delivery id@lianluo>}), which mail clients use to recognise one message. {@code NotificationCrashTests}
 * shows both with SIGKILL between the provider's acceptance and the mark.</li>
 * <li><b>Failures:</b> attempt n waits {@code firstBackoff · 2^(n-1)} (at most {@code maxBackoff}); after
 * {@code maxAttempts} the delivery is DEAD and stays on ADMIN's dead-letter list until retried. A 429 from the
 * gateway is not a failed attempt: the delivery waits as long as the gateway's Retry-After says, and so do the
 * cloud providers' rate limits. A provider's refusal for good (a template not approved, a bad number) is DEAD at
 * once, its reason in Chinese with the phone masked.</li>
 * <li><b>Manners:</b> no SMS between 22:00 and 08:00 Asia/Shanghai unless the opinion is URGENT (deferred to
 * 08:00); at most {@code perPhonePerHour} SMS per phone in any hour. The limit is checked inside the claiming
 * transaction; two nodes claiming for one phone at the same instant can each pass it once. Users choose per kind
 * of message whether it also comes by e-mail and by SMS ({@link org.lianluo.notification.Preferences}); the
 * inbox is always on.</li>
 * <li><b>Wording:</b> ADMIN's wording per template and channel ({@link org.lianluo.notification.MessageTemplates})
 * is read at each send, so a change applies from the next message on.</li>
 * </ol>
 * Delivery state is the notification module's own: an opinion is fed back whether or not its SMS went out.
 */
package org.lianluo.notification;
