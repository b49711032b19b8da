-- One round trip per article: look the item's LSH bands up in its night and the night before,
-- add it to its own night's bands, and return what the item was filed with already (a retried
-- batch: '' when new) and the filed value (signature, event time, story) of each candidate.
-- KEYS: 1..B this night's band hashes, B+1..2B the night before's, 2B+1 this night's
--       signatures, 2B+2 the night before's
-- ARGV: 1 item digest (8 bytes), 2..B+1 band digests, B+2 TTL seconds, B+3 most items a bucket,
--       B+4 '1' to file the item, '0' to only look (explain)
local bands = (#KEYS - 2) / 2
local me, ttl, most = ARGV[1], tonumber(ARGV[bands + 2]), tonumber(ARGV[bands + 3])
local file = ARGV[bands + 4] == '1'
local reply = {redis.call('HGET', KEYS[2 * bands + 1], me) or ''}

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
      if value then reply[#reply + 1] = value end
    end
  end
end

look(1, 2 * bands + 1, file)
look(bands + 1, 2 * bands + 2, false)
return reply
