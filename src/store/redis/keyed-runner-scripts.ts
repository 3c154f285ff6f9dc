/** The Lua scripts of the per-person queue (src/store/redis/redis-keyed-runner.ts). */

// Each runs atomically in Redis. KEYS[1] is the queue hash { next, done }; ARGV[1] the ticket, ARGV[2] the prefix
// of the per-ticket "alive" keys (same hash tag, so one slot), ARGV[3] the lease or idle time. An alive key holds the
// id of the run (process) that holds the ticket, so a restarted instance can tell its dead run's tickets (RELEASE).
// A ticket t may run when done == t - 1; a finished ticket sets done = t.

/** Whether ticket t may run: 1 = its turn, 0 = wait, -1 = passed over. Passes over dead tickets (no alive key) ahead of it. */
const TURN = `
local function turn(queue, t, alive, idle)
  local done = tonumber(redis.call('hget', queue, 'done') or '0')
  if done >= t then return -1 end
  while done + 1 < t do
    if redis.call('exists', alive .. (done + 1)) == 1 then return 0 end
    done = done + 1
    redis.call('hset', queue, 'done', done)
  end
  redis.call('pexpire', queue, idle)
  return 1
end`;

/**
 * Takes the next ticket and marks it alive, in one step (no instant where a ticket exists without its lease),
 * and tells whether it may run at once: { ticket, turn }. Most people have nobody ahead of them, so one round
 * trip places the message and starts it. ARGV: the alive keys' prefix, the lease, the idle time, the run's id.
 */
export const TAKE = `${TURN}
local t = redis.call('hincrby', KEYS[1], 'next', 1)
redis.call('set', ARGV[1] .. t, ARGV[4], 'PX', ARGV[2])
redis.call('pexpire', KEYS[1], ARGV[3])
return { t, turn(KEYS[1], t, ARGV[1], ARGV[3]) }`;

/** 1 = your turn, 0 = wait, -1 = your ticket was passed over. */
export const POLL = `${TURN}
if redis.call('exists', KEYS[1]) == 0 then return -1 end
return turn(KEYS[1], tonumber(ARGV[1]), ARGV[2], ARGV[3])`;

/** Renews a ticket's lease while it is still in the queue; 0 once it has been passed over. ARGV[5]: the run's id. */
export const RENEW = `
if redis.call('exists', KEYS[1]) == 0 then return 0 end
local t = tonumber(ARGV[1])
local done = tonumber(redis.call('hget', KEYS[1], 'done') or '0')
if done >= t then return 0 end
redis.call('set', ARGV[2] .. t, ARGV[5], 'PX', ARGV[3])
redis.call('pexpire', KEYS[1], ARGV[4])
return 1`;

/** Hands the turn on (only if it is still ours) and drops the ticket's lease. */
export const FINISH = `
local t = tonumber(ARGV[1])
redis.call('del', ARGV[2] .. t)
if redis.call('exists', KEYS[1]) == 0 then return 0 end
local done = tonumber(redis.call('hget', KEYS[1], 'done') or '0')
if done == t - 1 then redis.call('hset', KEYS[1], 'done', t) end
redis.call('pexpire', KEYS[1], ARGV[3])
return 1`;

/**
 * Frees the tickets of a dead run (ARGV[2], its id) still waiting or running in this queue: their alive keys go, so
 * TURN passes over them at once. Returns how many. Tickets of other runs, live or not, are left to their leases.
 */
export const RELEASE = `
local done = tonumber(redis.call('hget', KEYS[1], 'done') or '0')
local last = tonumber(redis.call('hget', KEYS[1], 'next') or '0')
local freed = 0
for t = done + 1, last do
  if redis.call('get', ARGV[1] .. t) == ARGV[2] then
    redis.call('del', ARGV[1] .. t)
    freed = freed + 1
  end
end
return freed`;
