/**
 * The token-bucket take as one Lua script, so that Redis runs it atomically for every replica: the
 * same rule as tokenBucket.ts (see there), written in the only language Redis runs. The time is
 * Redis's own (`TIME`), so that replicas with drifting clocks share one clock.
 *
 * KEYS[1]: the bucket, a hash (t = tokens, u = time of the last take in ms).
 * ARGV: burst, perSecond. Returns 1 when a token was taken, 0 when there was none.
 */
export const TAKE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local saved = redis.call('HMGET', KEYS[1], 't', 'u')
local available = burst
if saved[1] then
  local elapsed = math.max(0, now - tonumber(saved[2]))
  available = math.min(burst, tonumber(saved[1]) + elapsed / 1000 * rate)
end
if available < 1 then return 0 end
local tokens = available - 1
redis.call('HSET', KEYS[1], 't', tokens, 'u', now)
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((burst - tokens) / rate * 1000)))
return 1
`;
