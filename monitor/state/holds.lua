-- Held alerts (rules with min_sources): shared by decide.lua and holds.py's release script.
-- H = {holds hash, due sorted set, stories hash, outbox stream}. An entry is JSON:
-- {alert = payload, single = the payload marked single-source, previous = number}.

-- Send one held alert to the outbox (its single-source form when its hold ran out) and forget it.
local function hold_send(H, id, single, maxlen)
  local raw = redis.call('HGET', H[1], id)
  redis.call('HDEL', H[1], id)
  redis.call('ZREM', H[2], id)
  redis.call('HDEL', H[3], id)
  if not raw then return 0 end
  local entry = cjson.decode(raw)
  local body = entry.alert
  if single then body = entry.single end
  redis.call('XADD', H[4], 'MAXLEN', '~', maxlen, '*', 'alert', body, 'previous', entry.previous)
  return 1
end

-- Held alerts whose max_hold ended at or before event time `upto` fire single-source.
local function hold_release_due(H, upto, maxlen)
  local sent = 0
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', H[2], '-inf', upto)) do
    sent = sent + hold_send(H, id, true, maxlen)
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
    if held == story and tonumber(need) <= have then sent = sent + hold_send(H, flat[i], false, maxlen) end
  end
  return sent
end
