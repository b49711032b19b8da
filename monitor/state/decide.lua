-- Decide whether a match fires, atomically: the state check (record maximum, first-seen term,
-- window count, spike rate, changed value), silences, the dedup claim, inhibition by story and
-- the outbox append (or the aggregation buffer) happen together or not at all.
-- KEYS: 1 state key (or a placeholder), 2 dedup key, 3 outbox stream, 4 story key,
--       5 aggregation list, 6 aggregation index, 7 sources of the dedup key's story
-- ARGV[1]: JSON parameters (see RedisStateStore.decide), ARGV[2]: alert payload (JSON)
local p = cjson.decode(ARGV[1])
local payload = ARGV[2]
local previous = ''
local checks = {}

local function remember(key, ...)
  redis.call('HSET', key, ...)
  redis.call('EXPIRE', key, p.memory_ttl)
end

function checks.record()
  local current = redis.call('HGET', KEYS[1], 'max')
  if not current then
    remember(KEYS[1], 'max', p.value, 'item', p.item_id, 'at', p.now_iso)
    if not p.claim then return 'baseline' end
    return nil
  end
  previous = current
  if p.value > tonumber(current) then
    remember(KEYS[1], 'max', p.value, 'item', p.item_id, 'at', p.now_iso)
  elseif not p.claim then
    return 'not_record'
  end
  return nil
end

function checks.new_term()
  local added = redis.call('SADD', KEYS[1], p.term)
  redis.call('EXPIRE', KEYS[1], p.memory_ttl)
  if added == 0 then return 'known_term' end
  return nil
end

local function add_member(keep_ms)
  local old = redis.call('ZSCORE', KEYS[1], p.member)
  if not old or tonumber(old) < p.at then redis.call('ZADD', KEYS[1], p.at, p.member) end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (p.at - keep_ms))
  redis.call('PEXPIRE', KEYS[1], keep_ms + 60000)
end

function checks.frequency()
  add_member(p.window_ms)
  local n = redis.call('ZCOUNT', KEYS[1], p.at - p.window_ms, p.at)
  if n < p.count then return 'counting' end
  return nil
end

function checks.spike()
  add_member(p.window_ms + p.reference_ms)
  local split = p.at - p.window_ms
  local cur = redis.call('ZCOUNT', KEYS[1], '(' .. split, p.at)
  local ref = redis.call('ZCOUNT', KEYS[1], split - p.reference_ms, split)
  local cur_rate, ref_rate = cur / p.window_ms, ref / p.reference_ms
  local up = p.direction ~= 'down' and cur >= p.count and cur_rate >= p.ratio * ref_rate
  local down = p.direction ~= 'up' and ref >= p.count and cur_rate * p.ratio <= ref_rate
  if up or down then return nil end
  return 'counting'
end

function checks.change()
  local old = redis.call('HGET', KEYS[1], 'value')
  remember(KEYS[1], 'value', p.term, 'item', p.item_id, 'at', p.now_iso)
  if not old then return 'baseline' end
  if old == p.term then return 'unchanged' end
  previous = old
  local a, b = tonumber(old), tonumber(p.term)
  if p.direction == 'up' and not (a and b and b > a) then return 'unchanged' end
  if p.direction == 'down' and not (a and b and b < a) then return 'unchanged' end
  return nil
end

local check = checks[p.kind]
if check then
  local reason = check()
  if reason then return {reason, previous} end
end
if p.mute ~= '' then return {p.mute, previous} end

-- the outbox reads 'previous' as a number: a changed text value stays out of it
local number = tonumber(previous) and previous or ''
-- the dedup key holds the claiming alert's id, a tab, and that alert (explain names it)
local holder = redis.call('GET', KEYS[2])
if holder then
  if string.sub(holder, 1, #p.alert_id + 1) == p.alert_id .. '\t' or holder == p.alert_id then
    return {'seen', previous}
  end
  -- another outlet reporting the same story (a corroborating source): not a new alert, but a
  -- follow-up the sinks may thread under the first one (Slack) or log with its reason. The
  -- same outlet repeating itself adds nothing and queues nothing.
  if redis.call('SADD', KEYS[7], p.source) == 1 then
    redis.call('PEXPIRE', KEYS[7], math.max(redis.call('PTTL', KEYS[2]), 1))
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', p.maxlen, '*', 'alert', payload, 'previous', number,
               'reason', 'cooldown')
  end
  return {'cooldown', previous}
end
local rank = tonumber(redis.call('GET', KEYS[4]) or '0')
if rank > p.rank then return {'inhibited', previous} end

redis.call('SET', KEYS[2], p.alert_id .. '\t' .. payload, 'PX', p.realert_ms)
redis.call('DEL', KEYS[7])
redis.call('SADD', KEYS[7], p.source)
redis.call('PEXPIRE', KEYS[7], p.realert_ms)
if p.rank >= rank then redis.call('SET', KEYS[4], p.rank, 'PX', p.realert_ms) end
if p.aggregate_ms > 0 then
  redis.call('RPUSH', KEYS[5], cjson.encode({alert = payload, previous = tonumber(previous) and previous or '', group = p.agg_group}))
  redis.call('PEXPIRE', KEYS[5], p.aggregate_ms * 10)
  redis.call('ZADD', KEYS[6], 'NX', p.now_ms + p.aggregate_ms, KEYS[5])
  return {'aggregated', previous}
end
redis.call('XADD', KEYS[3], 'MAXLEN', '~', p.maxlen, '*', 'alert', payload, 'previous', number)
return {'first', previous}
