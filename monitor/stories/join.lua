-- A batch of articles in one round trip, each joined in turn exactly as if it came alone (the
-- summaries, bands and night indexes one writes are what the next reads): ARGV[1] the number of
-- articles n, ARGV[2 .. 2n + 1] each one's count of keys and of arguments, then their arguments in
-- order; KEYS their keys in order. Returns one reply per article. Per article, the same work as
-- one call: look its LSH bands up in its night and the night before, place it
-- (a copy of a candidate's text, else another report of an attack a story of these nights
-- reports, else a new story), and file it: its bands, signature, contribution and its story's
-- compact summary, atomically. Returns {status, story, how, why, wire, summary before, after}:
-- status 'new' (the item is its story's latest in event time: the join is computed from the
-- two summaries), 'late' (earlier than the story's latest: the caller reads the contributions),
-- 'again' (filed before, a retried batch: nothing written, only the story is returned) or
-- 'placed' (ARGV[4] '0', explain: nothing written, the summaries are not returned).
-- The summary (a JSON field of the story's hash) holds, each an idempotent member keyed by the
-- (event time, item) order key `okey`: first and last okey, each source's first okey, the
-- sources with a text of their own, per source and attack the first okey and the latest figure.
-- Another field holds every distinct figure with the first okey and source that gave it (what
-- placement reads of a story; a summary filed before it was split off holds them as `figs`).
-- KEYS: 1 this night's signatures, 2 the night before's, 3 this night's stories, 4 the nights,
--       5.. the stories of an attack by the item's side this night and the nights before (as many
--       as the item's nights back can name: event.NIGHTS_BACK), then per
--       figure: this night's stories reporting its attack, the night before's
-- ARGV: 1 item id, 2 item digest (8 bytes), 3 its signature, 4 '1' to file, '0' to only place,
--       5 event ms, 6 story span ms, 7 night, 8 okey, 9 source, 10 the contribution's JSON
--       without how, why and wire, 11 the id of a story it would open, 12 key prefix of a
--       story's hash, 13 its summary field, 14 TTL seconds, 15 most items a bucket, 16 bytes
--       per signature value, 17 copy similarity, 18 figure tolerance, 19 '1' when the night
--       before can hold a copy or a story of the item (within the story span of this night's
--       start), 20 and 21 the key prefix of this night's band hashes and the night before's
--       (keys.story_band_prefix; a band's hash is prefix .. band .. ':' .. shard, all in the
--       namespace's hash slot), 22 the band digests (8 bytes each: the first byte is the
--       shard, the next four the bucket), 23 the field of a story's hash holding its distinct
--       figures, 24 the item's attacking side ('' none), 25 the attacked side's places it names
--       (sorted, tab-separated), 26 flags: 'a' it is about an attack, 'l' its nights back are
--       read only from the lack of a day or time (it joins by a place in common only), 'd' it
--       denies or retracts a report (it is filed with no wire text of its own, so it never
--       counts as corroboration), 'y' it is a daytime strike (it joins daytime stories by a place
--       only; its story is one), 'p' the days it names are all before the report's (it is
--       looked for among earlier nights first, and never joins tonight's by side alone), 27 the
--       nights back it tells again (one digit each), 28 follow-up window ms, 29 smallest count
--       of a big attack, 30 this night's first ms, 31 the evening window ms, then per figure:
--       attack, figure JSON, launched, neutralized ('' when none), places (sorted,
--       tab-separated), its JSON up to the counts (attacker and weapon)
-- The night before's bands and attacks (copies, same attack) are read only when ARGV 19 says
-- it can hold them; the side keys (same event, follow-ups) are read by their own windows.
-- JSON decoded in this call, by its text (Lua strings are interned: a lookup is a pointer
-- comparison): a batch's items read the same stories' summaries and figures again and again.
-- What it returns is only read, but for the summary and figures an item changes and files.
local parsed = {}
local function parse(raw)
  local found = parsed[raw]
  if found == nil then
    found = cjson.decode(raw)
    parsed[raw] = found
  end
  return found
end

local function join_one(KEYS, ARGV)
  local width, digests = tonumber(ARGV[16]), ARGV[22]
  local bands = #digests / 8
  local me, sig, file = ARGV[2], ARGV[3], ARGV[4] == '1'
  local at, span, night, okey, source = tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7], ARGV[8], ARGV[9]
  local prefix, field, ttl, most = ARGV[12], ARGV[13], tonumber(ARGV[14]), tonumber(ARGV[15])
  local copy_at, tolerance, back = tonumber(ARGV[17]), tonumber(ARGV[18]), ARGV[19] == '1'
  local low, high = string.format('%d', at - span), string.format('%d', at + span)
  local figures_field, first_figure = ARGV[23], 32
  local side, nights_back = ARGV[24], ARGV[27]
  local attack, loose = string.find(ARGV[26], 'a', 1, true) ~= nil, string.find(ARGV[26], 'l', 1, true) ~= nil
  local day, past = string.find(ARGV[26], 'y', 1, true) ~= nil, string.find(ARGV[26], 'p', 1, true) ~= nil
  local follow_ms, big_at, night_ms = tonumber(ARGV[28]), tonumber(ARGV[29]), tonumber(ARGV[30])
  local evening_ms = tonumber(ARGV[31])
  -- a night begins at 18:00 Kyiv: its evening's day began at midnight, 18 hours before
  local since_midnight_ms = 18 * 3600 * 1000
  local my_places = {}
  for place in string.gmatch(ARGV[25], '[^\t]+') do my_places[#my_places + 1] = place end
  local sides = 5

  local own = redis.call('HGET', KEYS[1], me)
  if own then
    local story = string.match(string.sub(own, #sig + 1), '^[^\t]*\t([^\t]*)\t')
    return {'again', story}
  end

  -- Python compares str by code point, which is UTF-8's byte order; Lua's < follows the locale.
  local function before(a, b)
    if a == b then return false end
    for i = 1, math.min(#a, #b) do
      local x, y = string.byte(a, i), string.byte(b, i)
      if x ~= y then return x < y end
    end
    return #a < #b
  end

  local function number(value)
    if type(value) == 'number' then return value end
    if value == nil or value == '' then return nil end
    return tonumber(value)
  end

  local mine = {}
  for i = first_figure, #ARGV, 6 do
    local places = {}
    for place in string.gmatch(ARGV[i + 4], '[^\t]+') do places[#places + 1] = place end
    mine[#mine + 1] = {
      what = ARGV[i], raw = ARGV[i + 1], launched = number(ARGV[i + 2]),
      neutralized = number(ARGV[i + 3]), places = places, head = ARGV[i + 5],
    }
  end
  -- the side keys (this night's and the nights back's) end where the figures' two keys each begin
  local figure_keys = #KEYS - 2 * #mine
  local nights_before = figure_keys - sides

  -- candidates: items sharing a band with this one, this night (filing it) or the night before
  local candidates = {}
  local function look(band_prefix, signatures, insert, tonight)
    local found, order = {}, {}
    for band = 1, bands do
      local digest = string.sub(digests, 8 * band - 7, 8 * band)
      local key = band_prefix .. (band - 1) .. ':' .. string.byte(digest, 1)
      local bucket = string.sub(digest, 2, 5)
      local held = redis.call('HGET', key, bucket) or ''
      local mine_too = false
      for offset = 1, #held, 8 do
        local other = string.sub(held, offset, offset + 7)
        if other == me then mine_too = true
        elseif not found[other] then found[other] = true; order[#order + 1] = other end
      end
      -- past `most` items a bucket is one text copied over and over: its first items stand for it
      if insert and not mine_too and #held < most * 8 then
        redis.call('HSET', key, bucket, held .. me)
        redis.call('EXPIRE', key, ttl)
      end
    end
    if #order == 0 then return end
    for _, value in ipairs(redis.call('HMGET', signatures, unpack(order))) do
      if value then
        local when, story, wire = string.match(string.sub(value, #sig + 1), '^([^\t]*)\t([^\t]*)\t(.*)$')
        candidates[#candidates + 1] = {value = value, at = tonumber(when), story = story, wire = wire, tonight = tonight}
      end
    end
  end
  look(ARGV[20], KEYS[1], file, true)
  if back then look(ARGV[21], KEYS[2], false, false) end

  local summaries = {}
  local function summary(story)
    local held = summaries[story]
    if held == nil then
      local found = redis.call('HMGET', prefix .. story, field, figures_field)
      held = {raw = found[1] or '', figs_raw = found[2]}
      summaries[story] = held
    end
    return held
  end

  -- a story's summary, decoded when first needed (placement reads only its figures): nil if none
  local function decoded(held)
    if held.s == nil and held.raw ~= '' then held.s = parse(held.raw) end
    return held.s
  end

  -- a story's distinct figures: {figure JSON: {okey, source}}
  local function figs_of(held)
    if held.figs == nil then
      if held.figs_raw then held.figs = parse(held.figs_raw)
      elseif decoded(held) and type(held.s.figs) == 'table' then held.figs = held.s.figs
      else held.figs = {} end
    end
    return held.figs
  end

  -- Only figures of the item's attacks are decoded (no other is the same attack): their JSON
  -- begins as the item's figure of that attack does, up to its counts.
  local function ours(raw)
    for _, figure in ipairs(mine) do
      if string.find(raw, figure.head, 1, true) == 1 then return true end
    end
    return false
  end

  -- a story's distinct figures of the item's attacks, each with the source that first gave it
  -- and its order key split into event time (microseconds: exact in a double) and item id
  local function figures_of(held)
    if held.figures == nil then
      local list = {}
      for raw, seen in pairs(figs_of(held)) do
        if ours(raw) then
          local f = parse(raw)
          list[#list + 1] = {
            t = tonumber(string.sub(seen[1], 1, 20)), rest = string.sub(seen[1], 21), source = seen[2],
            raw = raw, what = f.attacker .. '/' .. f.weapon, launched = number(f.launched),
            neutralized = number(f.neutralized), places = type(f.places) == 'table' and f.places or {},
          }
        end
      end
      held.figures = list
    end
    return held.figures
  end

  -- all of a story's distinct figures (a story filed before its largest counts were kept)
  local function every_figure(held)
    local list = {}
    for raw, _ in pairs(figs_of(held)) do
      local f = parse(raw)
      list[#list + 1] = {what = f.attacker .. '/' .. f.weapon, launched = number(f.launched), neutralized = number(f.neutralized)}
    end
    return list
  end

  -- the order of a story's figures: by order key, then figure JSON (as Python sorts them)
  local function earlier(a, b)
    if a.t ~= b.t then return a.t < b.t end
    if a.rest ~= b.rest then return before(a.rest, b.rest) end
    return before(a.raw, b.raw)
  end

  -- why two figures are one attack (nil when they are not): same attack, and a place in common
  -- or counts within the tolerance of the larger
  local function same_attack(figure, other)
    if figure.what ~= other.what then return nil end
    local theirs, common = {}, {}
    for _, place in ipairs(other.places) do theirs[place] = true end
    for _, place in ipairs(figure.places) do
      if theirs[place] then common[#common + 1] = place end
    end
    if #common > 0 then return figure.what .. ', places ' .. table.concat(common, ', ') end
    for _, name in ipairs({'launched', 'neutralized'}) do
      local a, b = figure[name], other[name]
      if a and b and math.abs(a - b) <= tolerance * math.max(a, b) then
        return string.format('%s, %s %d and %d', figure.what, name, b, a)
      end
    end
    return nil
  end

  -- a text like a story's but counting one of its attacks otherwise is no copy
  local function agrees(story)
    local theirs = figures_of(summary(story))
    for _, figure in ipairs(mine) do
      if figure.launched then
        local same, any = false, false
        for _, other in ipairs(theirs) do
          if other.what == figure.what and other.launched then
            same = true
            if same_attack(figure, other) then any = true; break end
          end
        end
        if same and not any then return false end
      end
    end
    return true
  end

  -- the signature's values, unpacked once; a candidate's are compared to them
  local values = #sig / width
  local unpacking = string.rep(width == 2 and 'H' or 'I4', values)
  local ours = {struct.unpack(unpacking, sig)}
  local function similarity(value)
    if string.sub(value, 1, #sig) == sig then return 1 end
    local theirs, equal = {struct.unpack(unpacking, value)}, 0
    for i = 1, values do
      if ours[i] == theirs[i] then equal = equal + 1 end
    end
    return equal / values
  end

  local function copied()
    local best, score = nil, -1
    for _, c in ipairs(candidates) do
      if c.tonight or math.abs(c.at - at) <= span then
        local s = similarity(c.value)
        if s > score then best, score = c, s end
      end
    end
    if best and score >= copy_at and agrees(best.story) then
      return best.story, string.format('copies a text of the story (similarity %.2f)', score), best.wire
    end
    return nil
  end

  local function same_story()
    local seen = {}
    for k = 1, #mine do
      local stories = redis.call('ZRANGE', KEYS[figure_keys + 2 * k - 1], 0, -1)
      if back then
        for _, story in ipairs(redis.call('ZRANGEBYSCORE', KEYS[figure_keys + 2 * k], low, high)) do
          stories[#stories + 1] = story
        end
      end
      for _, story in ipairs(stories) do
        if not seen[story] then
          seen[story] = true
          -- the earliest of the story's figures that is the same attack as one of the item's
          local first, why = nil, nil
          for _, other in ipairs(figures_of(summary(story))) do
            if first == nil or earlier(other, first) then
              for _, figure in ipairs(mine) do
                local because = same_attack(figure, other)
                if because then first, why = other, because; break end
              end
            end
          end
          if first then return story, 'same attack as ' .. first.source .. ': ' .. why end
        end
      end
    end
    return nil
  end

  -- the places an item names in common with a story
  local function shared(held)
    local s, common = decoded(held), {}
    local theirs = s and s.pl
    if type(theirs) ~= 'table' then return common end
    for _, place in ipairs(my_places) do
      if theirs[place] then common[#common + 1] = place end
    end
    return common
  end

  -- the story of `stories` naming most of the item's places (the first listed keeps a tie)
  local function by_places(stories)
    local best, most = nil, {}
    for _, story in ipairs(stories) do
      local common = shared(summary(story))
      if #common > #most then best, most = story, common end
    end
    return best, table.concat(most, ', ')
  end

  -- a story that counts an attack of the item's side at `big_at` or more
  -- (the summary's largest count per attacker, else, for a story filed before it was kept, its figures)
  local function big(story)
    local held = summary(story)
    local s = decoded(held)
    local most = s and s.mx
    if type(most) == 'table' then return (most[side] or 0) >= big_at end
    for _, figure in ipairs(every_figure(held)) do
      local count = math.max(figure.launched or 0, figure.neutralized or 0)
      if string.sub(figure.what, 1, #side + 1) == side .. '/' and count >= big_at then return true end
    end
    return false
  end

  -- the one big attack of `stories` (nil when none, or more than one)
  local function only_big(stories)
    local found = nil
    for _, other in ipairs(stories) do
      if big(other) then
        if found then return nil end
        found = other
      end
    end
    return found
  end

  -- the stories of `stories` that a daytime strike's story is (`daytime` true) or is not
  local function of_kind(stories, daytime)
    local kept = {}
    for _, story in ipairs(stories) do
      local s = decoded(summary(story))
      if (s ~= nil and s.day == 1) == daytime then kept[#kept + 1] = story end
    end
    return kept
  end

  -- the stories of the night before that are still this evening's news: begun within the evening
  -- window, or a daytime strike's begun since midnight (its toll is counted again at nightfall)
  local function this_evening()
    local found = {}
    if at - night_ms >= evening_ms then return found end
    local from = math.min(at - evening_ms, night_ms - since_midnight_ms)
    local rows = redis.call('ZRANGEBYSCORE', KEYS[sides + 1], string.format('%d', from), '+inf', 'WITHSCORES')
    for i = 1, #rows, 2 do
      local story = rows[i]
      local recent = tonumber(rows[i + 1]) >= at - evening_ms
      if recent or #of_kind({story}, true) == 1 then found[#found + 1] = story end
    end
    return found
  end

  -- another article on an attack of this night by the same side: a place in common (with a story
  -- of this night, or of the night before still this evening's news), else the night's only big
  -- attack of that side, else its only attack of that side. A daytime strike joins another
  -- daytime strike's story by a place only; the rules by side alone leave daytime stories out and
  -- are not for an item about an earlier day's attack.
  local function same_event()
    if side == '' or not attack then return nil end
    local tonight = redis.call('ZRANGE', KEYS[sides], 0, -1)
    if day then tonight = of_kind(tonight, true) end
    local story, common = by_places(tonight)
    if story then return story, 'same attack by ' .. side .. ' this night, places ' .. common end
    local evening = this_evening()
    if day then evening = of_kind(evening, true) end
    story, common = by_places(evening)
    if story then return story, 'same attack by ' .. side .. ' this evening, places ' .. common end
    if day or past then return nil end
    tonight = of_kind(tonight, false)
    story = only_big(tonight)
    if story then return story, 'the only big attack by ' .. side .. ' this night' end
    if #tonight == 1 then return tonight[1], 'the only attack by ' .. side .. ' this night' end
    return nil
  end

  -- a later article telling an attack of an earlier night again (a toll, the day after): the
  -- nearest of the nights it refers to with a story naming one of its places, within the window
  local function follow_up()
    if side == '' or not attack then return nil end
    for k = 1, nights_before do
      if string.find(nights_back, tostring(k), 1, true) then
        local stories = redis.call('ZRANGEBYSCORE', KEYS[sides + k], string.format('%d', at - follow_ms), '+inf')
        local story, common = by_places(stories)
        if story then
          return story, string.format('tells again the attack by %s %d night(s) before, places %s', side, k, common)
        end
        story = #my_places == 0 and not loose and only_big(stories)
        if story then
          return story, string.format('tells again the only big attack by %s %d night(s) before', side, k)
        end
      end
    end
    return nil
  end

  local story, how, why, wire = nil, 'copy', nil, ARGV[1]
  story, why, wire = copied()
  if story == nil then
    wire, how = ARGV[1], 'same_attack'
    story, why = same_story()
  end
  -- an item about an earlier day's attack is looked for among the earlier nights first
  local steps = past and {{'follow_up', follow_up}, {'same_event', same_event}}
    or {{'same_event', same_event}, {'follow_up', follow_up}}
  for _, step in ipairs(steps) do
    if story == nil then
      how = step[1]
      story, why = step[2]()
    end
  end
  if story == nil then
    story, how, why = ARGV[11], 'new', 'no copy and no report of the same attack this night'
  end
  -- a denial is no corroboration: filed with no text of its own (nor are copies of it)
  if string.find(ARGV[26], 'd', 1, true) ~= nil and wire == ARGV[1] then wire = '' end
  if not file then return {'placed', story, how, why, wire} end

  local key = prefix .. story
  if redis.call('HEXISTS', key, ARGV[1]) == 1 then return {'again', story} end
  local held = summary(story)
  -- the stored summary and figures, taken out of the call's parsed JSON to be changed: no
  -- later item reads these texts again (what is filed below replaces them, and another story's
  -- differ by their order keys)
  local s = {first = okey, last = okey, src = {}, orig = {}, lat = {}, day = day and 1 or nil}
  if held.raw ~= '' then s = parse(held.raw); parsed[held.raw] = nil end
  local figs = {}
  if held.figs_raw then figs = parse(held.figs_raw); parsed[held.figs_raw] = nil
  elseif type(s.figs) == 'table' then figs = s.figs end
  s.figs = nil
  local status = 'new'
  if held.raw ~= '' and okey < s.last then status = 'late' end
  if okey < s.first then s.first = okey end
  if okey > s.last then s.last = okey end
  if s.src[source] == nil or okey < s.src[source] then s.src[source] = okey end
  if wire == ARGV[1] then s.orig[source] = 1 end
  -- the largest count per attacker (a night's big attack), kept once the story's figures are known
  if type(s.mx) ~= 'table' and next(figs) == nil then s.mx = {} end
  if type(s.mx) == 'table' then
    for _, figure in ipairs(mine) do
      local attacker = string.match(figure.what, '^([^/]*)/')
      local count = math.max(figure.launched or 0, figure.neutralized or 0)
      if count > (s.mx[attacker] or 0) then s.mx[attacker] = count end
    end
  end
  for _, figure in ipairs(mine) do
    local k = source .. '\t' .. figure.what
    local lat = s.lat[k]
    if lat == nil then
      s.lat[k] = {okey, okey, figure.raw}
    else
      if okey < lat[1] then lat[1] = okey end
      if okey > lat[2] then lat[2] = okey; lat[3] = figure.raw end
    end
    local seen = figs[figure.raw]
    if seen == nil or okey < seen[1] then figs[figure.raw] = {okey, source} end
  end
  if type(s.pl) ~= 'table' then s.pl = {} end
  for _, place in ipairs(my_places) do s.pl[place] = 1 end
  local after = cjson.encode(s)
  local contribution = string.sub(ARGV[10], 1, -2) .. ',"how":' .. cjson.encode(how) .. ',"why":'
    .. cjson.encode(why) .. ',"wire":' .. cjson.encode(wire) .. '}'
  if next(figs) == nil then  -- a story without figures (most) spends no field on them
    redis.call('HSET', key, ARGV[1], contribution, field, after)
  else
    redis.call('HSET', key, ARGV[1], contribution, field, after, figures_field, cjson.encode(figs))
  end
  redis.call('EXPIRE', key, ttl)
  redis.call('HSET', KEYS[1], me, sig .. ARGV[5] .. '\t' .. story .. '\t' .. wire)
  redis.call('EXPIRE', KEYS[1], ttl)
  redis.call('ZADD', KEYS[3], 'LT', ARGV[5], story)
  redis.call('EXPIRE', KEYS[3], ttl)
  for k = 1, #mine do
    redis.call('ZADD', KEYS[figure_keys + 2 * k - 1], 'LT', ARGV[5], story)
    redis.call('EXPIRE', KEYS[figure_keys + 2 * k - 1], ttl)
  end
  redis.call('ZADD', KEYS[4], 'GT', ARGV[5], night)
  -- a story begun this night is this night's attack by the item's side (a follow-up's is not)
  if side ~= '' and attack and tonumber(string.sub(s.first, 1, 20)) >= night_ms * 1000 then
    redis.call('ZADD', KEYS[sides], 'LT', ARGV[5], story)
    redis.call('EXPIRE', KEYS[sides], ttl)
  end
  return {status, story, how, why, wire, held.raw, after}
end

local n = tonumber(ARGV[1])
local replies, key_at, arg_at = {}, 0, 1 + 2 * n
for i = 1, n do
  local key_count, arg_count = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  local keys, args = {}, {}
  for j = 1, key_count do keys[j] = KEYS[key_at + j] end
  for j = 1, arg_count do args[j] = ARGV[arg_at + j] end
  key_at, arg_at = key_at + key_count, arg_at + arg_count
  replies[i] = join_one(keys, args)
end
return replies
