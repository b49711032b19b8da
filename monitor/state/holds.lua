-- Held alerts (rules with min_sources): shared by decide.lua and holds.py's release script.
-- H = {holds hash, due sorted set, stories hash, outbox stream}. An entry is JSON:
-- {alert = payload, single = the payload marked single-source, previous = number}.
-- An alert fired single-source stays a day of event time under "single<TAB>alert id" in all
-- three (due: when it is forgotten), so that a second outlet joining its story later can
-- corroborate it once (holds.py: HeldAlerts.singles and corroborate).

local SINGLE = 'single\t'
local SINGLE_KEEP_MS = 86400000

local function is_single(field)
  return string.sub(field, 1, #SINGLE) == SINGLE
end

local function hold_forget(H, field)
  redis.call('HDEL', H[1], field)
  redis.call('ZREM', H[2], field)
  redis.call('HDEL', H[3], field)
end

-- Send one held alert to the outbox (its single-source form when its hold ran out) and forget it.
local function hold_send(H, id, single, maxlen)
  local raw = redis.call('HGET', H[1], id)
  local story = redis.call('HGET', H[3], id)
  local due = redis.call('ZSCORE', H[2], id)
  hold_forget(H, id)
  if not raw then return 0 end
  local entry = cjson.decode(raw)
  local body = entry.alert
  if single then body = entry.single end
  redis.call('XADD', H[4], 'MAXLEN', '~', maxlen, '*', 'alert', body, 'previous', entry.previous)
  if single and story and due then
    redis.call('HSET', H[1], SINGLE .. id, raw)
    redis.call('HSET', H[3], SINGLE .. id, story)
    redis.call('ZADD', H[2], tonumber(due) + SINGLE_KEEP_MS, SINGLE .. id)
  end
  return 1
end

-- Held alerts whose max_hold ended at or before event time `upto` fire single-source; alerts
-- fired single-source more than a day before are forgotten.
local function hold_release_due(H, upto, maxlen)
  local sent = 0
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', H[2], '-inf', upto)) do
    if is_single(id) then
      hold_forget(H, id)
    else
      sent = sent + hold_send(H, id, true, maxlen)
    end
  end
  return sent
end

-- Held alerts of `story` fire (corroborated) once the story has `have` >= their min_sources.
local function hold_release_story(H, story, have, maxlen)
  if story == '' or redis.call('HLEN', H[3]) == 0 then return 0 end
  local flat = redis.call('HGETALL', H[3])
  local sent = 0
  for i = 1, #flat, 2 do
    local need, held = string.match(flat[i + 1], '^(%d+)\t(.*)$')
    if not is_single(flat[i]) and held == story and tonumber(need) <= have then
      sent = sent + hold_send(H, flat[i], false, maxlen)
    end
  end
  return sent
end

-- An alert fired single-source is corroborated: queue its notice once and forget it.
local function hold_corroborate(H, field, payload, maxlen)
  if redis.call('HEXISTS', H[1], field) == 0 then return 0 end
  hold_forget(H, field)
  redis.call('XADD', H[4], 'MAXLEN', '~', maxlen, '*', 'alert', payload, 'previous', '')
  return 1
end
