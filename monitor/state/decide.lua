-- Decide whether a match fires, atomically: the state check (record maximum or first-seen
-- term), the dedup claim and the outbox append happen together or not at all.
-- KEYS[1] state key (record hash or terms set, or '' for none)
-- KEYS[2] dedup key    KEYS[3] outbox stream
-- ARGV: kind, value, claim, term, realert_ms, alert_id, payload, memory_ttl, item_id, now, maxlen
local kind, value, claim, term = ARGV[1], tonumber(ARGV[2]), ARGV[3] == '1', ARGV[4]
local realert_ms, alert_id, payload = tonumber(ARGV[5]), ARGV[6], ARGV[7]
local memory_ttl, item_id, now, maxlen = tonumber(ARGV[8]), ARGV[9], ARGV[10], tonumber(ARGV[11])
local previous = ''

if kind == 'record' then
  local current = redis.call('HGET', KEYS[1], 'max')
  if not current then
    redis.call('HSET', KEYS[1], 'max', value, 'item', item_id, 'at', now)
    redis.call('EXPIRE', KEYS[1], memory_ttl)
    if not claim then return {'baseline', ''} end
  else
    current = tonumber(current)
    previous = tostring(current)
    if value > current then
      redis.call('HSET', KEYS[1], 'max', value, 'item', item_id, 'at', now)
      redis.call('EXPIRE', KEYS[1], memory_ttl)
    elseif not claim then
      return {'not_record', previous}
    end
  end
elseif kind == 'new_term' then
  local added = redis.call('SADD', KEYS[1], term)
  redis.call('EXPIRE', KEYS[1], memory_ttl)
  if added == 0 then return {'known_term', ''} end
end

local holder = redis.call('GET', KEYS[2])
if holder then
  if holder == alert_id then return {'seen', previous} end
  return {'cooldown', previous}
end
redis.call('SET', KEYS[2], alert_id, 'PX', realert_ms)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', maxlen, '*', 'alert', payload, 'previous', previous)
return {'first', previous}
