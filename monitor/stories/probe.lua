-- One round trip per article for everything its placement reads: look the item's LSH bands up
-- in its night and the night before, add it to its own night's bands, and return what the item
-- was filed with already (a retried batch: '' when new), the filed value (signature, event
-- time, story, wire) of each candidate, the stories of these nights reporting the item's
-- attacks, and the summary of each of those stories and of the candidates' stories.
-- KEYS: 1..B this night's band hashes, B+1..2B the night before's, 2B+1 this night's
--       signatures, 2B+2 the night before's, then per attack: this night's stories reporting
--       it, the night before's
-- ARGV: 1 item digest (8 bytes), 2..B+1 band digests, B+2 TTL seconds, B+3 most items a bucket,
--       B+4 '1' to file the item, '0' to only look (explain), B+5 bands, B+6 signature bytes,
--       B+7 key prefix of a story's hash (keys.story_items of ''), B+8 its summary field,
--       B+9 and B+10 the event-ms range in which a story of the night before may be joined
local bands = tonumber(ARGV[#ARGV - 5])
local me, ttl, most = ARGV[1], tonumber(ARGV[bands + 2]), tonumber(ARGV[bands + 3])
local file = ARGV[bands + 4] == '1'
local sig_bytes = tonumber(ARGV[bands + 6])
local prefix, field = ARGV[bands + 7], ARGV[bands + 8]
local low, high = ARGV[bands + 9], ARGV[bands + 10]
local own = redis.call('HGET', KEYS[2 * bands + 1], me) or ''
local candidates = {}

local function look(first, signatures, insert)
  local found, order = {}, {}
  for band = 1, bands do
    local key = KEYS[first + band - 1]
    local held = redis.call('HGET', key, ARGV[band + 1]) or ''
    local mine = false
    for at = 1, #held, 8 do
      local other = string.sub(held, at, at + 7)
      if other == me then mine = true
      elseif not found[other] then found[other] = true; order[#order + 1] = other end
    end
    -- past `most` items a bucket is one text copied over and over: its first items stand for it
    if insert and not mine and #held < most * 8 then
      redis.call('HSET', key, ARGV[band + 1], held .. me)
      redis.call('EXPIRE', key, ttl)
    end
  end
  if #order > 0 then
    for _, value in ipairs(redis.call('HMGET', KEYS[signatures], unpack(order))) do
      if value then candidates[#candidates + 1] = value end
    end
  end
end

look(1, 2 * bands + 1, file)
look(bands + 1, 2 * bands + 2, false)

local attacks, stories, wanted = {}, {}, {}
local function want(story)
  if not wanted[story] then wanted[story] = true; stories[#stories + 1] = story end
end
for k = 2 * bands + 3, #KEYS, 2 do
  for _, story in ipairs(redis.call('ZRANGE', KEYS[k], 0, -1)) do
    attacks[#attacks + 1] = story; want(story)
  end
  for _, story in ipairs(redis.call('ZRANGEBYSCORE', KEYS[k + 1], low, high)) do
    attacks[#attacks + 1] = story; want(story)
  end
end
for _, value in ipairs(candidates) do
  local rest = string.sub(value, sig_bytes + 1)
  local tab = string.find(rest, '\t', 1, true)
  local story = string.sub(rest, tab + 1, (string.find(rest, '\t', tab + 1, true) or 0) - 1)
  want(story)
end
local summaries = {}
for _, story in ipairs(stories) do
  summaries[#summaries + 1] = story
  summaries[#summaries + 1] = redis.call('HGET', prefix .. story, field) or ''
end
return {own, candidates, attacks, summaries}
