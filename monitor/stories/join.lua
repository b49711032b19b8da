-- One round trip per joined article: file its contribution, its signature and its night's
-- indexes, and update the story's compact summary, atomically. Returns {status, summary before,
-- summary after}: status 'new' (the item is the latest of its story in event time: the join is
-- computed from the two summaries), 'late' (an earlier item than the story's latest: the caller
-- reads the contributions) or 'again' (already joined: nothing written, the caller reads them).
-- The summary (a JSON field of the story's hash) holds, each an idempotent member keyed by the
-- (event time, item) order key `okey`: first and last okey, each source's first okey, the
-- sources with a text of their own, per source and attack the first okey and the latest figure,
-- and every distinct figure with the first okey and source that gave it.
-- KEYS: 1 story hash, 2 night's signatures, 3 night's stories, 4 nights, 5.. night's attacks
-- ARGV: 1 item id, 2 okey, 3 source, 4 '1' original text, 5 contribution JSON, 6 item digest,
--       7 filed signature, 8 event ms, 9 night, 10 TTL, 11 summary field, 12 story id,
--       13.. (attack, figure JSON) pairs, one per KEYS[5..]
local story, me, okey, source = KEYS[1], ARGV[1], ARGV[2], ARGV[3]
local ttl, field, at = tonumber(ARGV[10]), ARGV[11], ARGV[8]
local raw = redis.call('HGET', story, field)
if redis.call('HEXISTS', story, me) == 1 then return {'again', raw or '', raw or ''} end

local s
if raw then
  s = cjson.decode(raw)
else
  s = {first = okey, last = okey, src = {}, orig = {}, lat = {}, figs = {}}
end
local status = 'new'
if raw and okey < s.last then status = 'late' end
if okey < s.first then s.first = okey end
if okey > s.last then s.last = okey end
if s.src[source] == nil or okey < s.src[source] then s.src[source] = okey end
if ARGV[4] == '1' then s.orig[source] = 1 end
for i = 13, #ARGV, 2 do
  local what, figure = ARGV[i], ARGV[i + 1]
  local k = source .. '\t' .. what
  local held = s.lat[k]
  if held == nil then
    s.lat[k] = {okey, okey, figure}
  else
    if okey < held[1] then held[1] = okey end
    if okey > held[2] then held[2] = okey; held[3] = figure end
  end
  local seen = s.figs[figure]
  if seen == nil or okey < seen[1] then s.figs[figure] = {okey, source} end
end
local after = cjson.encode(s)
redis.call('HSET', story, me, ARGV[5], field, after)
redis.call('EXPIRE', story, ttl)
redis.call('HSET', KEYS[2], ARGV[6], ARGV[7])
redis.call('EXPIRE', KEYS[2], ttl)
redis.call('ZADD', KEYS[3], 'LT', at, ARGV[12])
redis.call('EXPIRE', KEYS[3], ttl)
for i = 5, #KEYS do
  redis.call('ZADD', KEYS[i], 'LT', at, ARGV[12])
  redis.call('EXPIRE', KEYS[i], ttl)
end
redis.call('ZADD', KEYS[4], 'GT', at, ARGV[9])
return {status, raw or '', after}
