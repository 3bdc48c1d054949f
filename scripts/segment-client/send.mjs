// Sends calls to a Trellis server through the OFFICIAL Segment Node client, unchanged, so the server's
// compatibility with real clients is tested rather than assumed (used by tests/Trellis.Server.Tests).
//
//   node send.mjs HOST WRITE_KEY COUNT [PREFIX]
//
// For each i in 0..COUNT-1 it sends, for user "<PREFIX>user-<i>": identify (with traits), track
// ("Order Completed"), page ("Pricing"), and an alias from "<PREFIX>anon-<i>"; then flushes and exits 0 when
// every call was delivered, 1 when any delivery failed (the client reports failures as 'error' events).
import { Analytics } from '@segment/analytics-node';

const [host, writeKey, countText, prefix = ''] = process.argv.slice(2);
const count = Number.parseInt(countText ?? '', 10);
if (!host || !writeKey || !Number.isInteger(count) || count < 0) {
  console.error('usage: node send.mjs HOST WRITE_KEY COUNT [PREFIX]');
  process.exit(2);
}

// maxRetries 0: a compatibility problem must fail the test, not be retried into a slow pass.
const analytics = new Analytics({ writeKey, host, flushAt: 20, flushInterval: 200, maxRetries: 0 });
let failures = 0;
analytics.on('error', (err) => {
  failures++;
  console.error('delivery failed:', err?.reason?.message ?? err?.message ?? String(err));
});

for (let i = 0; i < count; i++) {
  const userId = `${prefix}user-${i}`;
  analytics.identify({ userId, traits: { email: `${userId}@example.com`, plan: 'pro', index: i } });
  analytics.track({ userId, event: 'Order Completed', properties: { order_id: `o-${i}`, total: 10 + i } });
  analytics.page({ userId, category: 'Marketing', name: 'Pricing', properties: { url: 'https://example.com/pricing' } });
  analytics.alias({ previousId: `${prefix}anon-${i}`, userId });
}

await analytics.closeAndFlush({ timeout: 30000 });
if (failures > 0) {
  console.error(`${failures} deliveries failed`);
  process.exit(1);
}
console.log(`sent ${count * 4} calls`);
