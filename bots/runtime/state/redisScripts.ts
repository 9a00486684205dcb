/**
 * The token-bucket take as one Lua script, so that Redis runs it atomically for every replica: the
 * same rule as tokenBucket.ts (see there), written in the only language Redis runs. The time is
 * Redis's own (`TIME`), so that replicas with drifting clocks share one clock.
 *
 * KEYS: the buckets. ARGV: burst and perSecond for each bucket, in KEYS' order.
 * Each bucket is a hash: t = tokens, u = updated at (ms), n = "1" once a refusal was announced.
 * Returns 0 allow, 1 refuse with notice, 2 refuse silently.
 */
export const TAKE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local count = #KEYS
local tokens, noticed, bursts, rates = {}, {}, {}, {}
local limited = 0
for i = 1, count do
  local burst = tonumber(ARGV[2 * i - 1])
  local rate = tonumber(ARGV[2 * i])
  local saved = redis.call('HMGET', KEYS[i], 't', 'u', 'n')
  local available = burst
  noticed[i] = false
  if saved[1] then
    local elapsed = math.max(0, now - tonumber(saved[2]))
    available = math.min(burst, tonumber(saved[1]) + elapsed / 1000 * rate)
    noticed[i] = saved[3] == '1'
  end
  tokens[i], bursts[i], rates[i] = available, burst, rate
  if limited == 0 and available < 1 then limited = i end
end

local function save(i, notice)
  local ttl = math.max(1, math.ceil((bursts[i] - tokens[i]) / rates[i] * 1000))
  redis.call('HSET', KEYS[i], 't', tokens[i], 'u', now, 'n', notice)
  redis.call('PEXPIRE', KEYS[i], ttl)
end

if limited == 0 then
  for i = 1, count do
    tokens[i] = tokens[i] - 1
    save(i, '0')
  end
  return 0
end
if noticed[limited] then return 2 end
save(limited, '1')
return 1
`;
