// Reference consumer for a partner department (联合惩戒成员单位).
//
// Reads the department's queue partner.{code} and hands each credit event to apply() exactly once:
//  - delivery is at least once, so an event whose CloudEvents `id` was seen before is dropped;
//  - `sequence` numbers every event on credit.events without gaps, so a jump from 41 to 44 means
//    42 and 43 did not arrive here (another event type, a purged queue, a long outage): they are
//    read from the replay API, those of the department's types applied, before 44;
//  - what was applied is remembered in a state file, and a message is acknowledged only after that,
//    so a crash at any point means a redelivery, never a loss.
//
// Environment: AMQP_URL (amqp://partner-{code}:{password}@host:5672/{vhost}, from the registration),
// QUEUE (partner.{code}), API (the gateway, default http://localhost:8080), TOKEN (a PARTNER token of
// the department), TYPES (comma-separated event types it subscribed to; empty: all), STATE_FILE.
import amqp from 'amqplib';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const queue = process.env.QUEUE;
const api = process.env.API ?? 'http://localhost:8080';
const types = (process.env.TYPES ?? '').split(',').filter(Boolean);
const stateFile = process.env.STATE_FILE ?? `${queue}.state.json`;
const REMEMBERED_IDS = 100_000;

const state = existsSync(stateFile)
  ? JSON.parse(readFileSync(stateFile, 'utf8'))
  : { last: null, seen: [] }; // last: the highest sequence handled, as a string (it may exceed 2^53)
const seen = new Set(state.seen);

function save() {
  state.seen = [...seen].slice(-REMEMBERED_IDS);
  writeFileSync(`${stateFile}.tmp`, JSON.stringify(state));
  renameSync(`${stateFile}.tmp`, stateFile); // atomic: a crash leaves the old state or the new one
}

// The department's own work: here a line per event; a real one records the listing, applies its
// measures and reports back through POST /api/credit/sanctions/{id}/feedback.
function apply(event) {
  console.log(`APPLY ${event.sequence} ${event.type} ${event.subject} ${JSON.stringify(event.data)}`);
}

function handle(event) {
  if (!seen.has(event.id)) {
    if (types.length === 0 || types.includes(event.type)) apply(event);
    seen.add(event.id);
  }
  if (state.last === null || BigInt(event.sequence) > BigInt(state.last)) state.last = event.sequence;
}

// Everything after `after` and before `upTo`, from the replay API, page by page.
async function fillGap(after, upTo) {
  console.log(`GAP after ${after}, before ${upTo}: reading the replay API`);
  for (let from = after, more = true; more && BigInt(from) < upTo - 1n;) {
    const only = types.length === 0 ? '' : `&types=${types.join(',')}`; // others' numbers are skipped, not sent
    const res = await fetch(`${api}/api/credit/events?after=${from}&limit=1000${only}`, {
      headers: { Authorization: `Bearer ${process.env.TOKEN}` },
    });
    if (!res.ok) throw new Error(`replay answered ${res.status}: ${await res.text()}`);
    const page = await res.json();
    for (const event of page.events) if (BigInt(event.sequence) < upTo) handle(event);
    from = String(page.next);
    more = page.more;
  }
}

const connection = await amqp.connect(process.env.AMQP_URL);
const channel = await connection.createChannel();
await channel.prefetch(1); // one at a time: gaps are judged in the order the queue delivers
await channel.consume(queue, async (message) => {
  if (message === null) return; // the broker cancelled the consumer (queue deleted, credentials revoked)
  try {
    const event = JSON.parse(message.content.toString('utf8'));
    if (seen.has(event.id)) {
      console.log(`DUPLICATE ${event.id} dropped`);
    } else {
      if (state.last !== null && BigInt(event.sequence) > BigInt(state.last) + 1n) {
        await fillGap(state.last, BigInt(event.sequence));
      }
      handle(event);
      save();
    }
    channel.ack(message);
  } catch (error) {
    // not an event we can read, or the replay API is down: the broker dead-letters it after
    // a few redeliveries, where the credit administrator sees it (GET …/partners/{code}/dead-letters)
    console.error(`could not handle a message: ${error.message}`);
    channel.nack(message, false, true);
  }
});
console.log(`consuming ${queue}; last sequence ${state.last ?? 'none'}; state in ${stateFile}`);
