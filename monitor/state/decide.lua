-- Decide a batch of matches, atomically and in order: for each, the state check (record maximum,
-- first-seen term, window count, spike rate, changed value), silences, the dedup claim,
-- inhibition by story and the outbox append (or the aggregation buffer). One script call per
-- batch: a batch retried after a Redis failure either ran whole or not at all.
--
-- Every window is decided on the item's EVENT time (p.at, ms), never on the wall clock: dedup
-- claims and story ranks are sorted sets scored by the event time of the alert that made them,
-- and a match is a duplicate when a claim lies less than its realert away from it, on either
-- side (a late item is held back by an alert already sent for a later moment of the same
-- window). Key TTLs only collect garbage (realert plus a grace period, see keys.GRACE_MS).
--
-- Corroboration (rules with min_sources): a match whose story has fewer independent outlets
-- than the rule asks claims its key as usual but is HELD (holds.lua) instead of appended to the
-- outbox. Before each decision, held alerts whose max_hold ended by this event time fire
-- single-source, and held alerts of this match's story fire once the story has enough outlets;
-- so held alerts are released in event-time order whatever the batch size. While an alert is
-- held, other reports of its story queue no follow-up (there is no message to thread under yet).
--
-- Two phases: prefilter.lua first finds the matches whose state check already says no (a known
-- term, a value below the record); only the others get a title, text and alert payload, and
-- this script decides them all. A match sent without a payload ("settled") is checked again
-- here before anything is written: if one is no longer settled (another process reset the
-- state meanwhile), nothing is written and {'stale', positions} is returned, and the caller
-- builds those payloads and calls again. So the batch still commits whole or not at all.
--
-- KEYS: 5 shared: outbox stream, aggregation index, held alerts, their due times, their
--       stories; then per match, full (F): state key (or a placeholder), dedup claims, story
--       ranks, aggregation bucket, the story's follow-ups (sources and revisions per alert),
--       claimed alerts' summaries; settled (S): its state key only
-- ARGV: 1: the layout, one letter (F or S) per match; then per match, F: JSON parameters (see
--       RedisStateStore._call), the alert payload (JSON), the payload marked single-source
--       (empty unless the rule has min_sources); S: JSON parameters (RedisStateStore._settled)
-- Inside, K is the old 11-key view of one match: 1 state, 2 dedup claims, 3 outbox, 4 story
-- ranks, 5 aggregation bucket, 6 aggregation index, 7 follow-ups, 8 claimed summaries,
-- 9 held alerts, 10 their due times, 11 their stories.
-- Returns one line per match, 'reason<TAB>previous' (one string: cheaper to parse than a list).
local K, p, payload, single, previous
local checks = {}

local function remember(key, ...)
  redis.call('HSET', key, ...)
  redis.call('EXPIRE', key, p.memory_ttl)
end

-- A record beats what OTHER stories told: the figures of one story (an article's sub-counts
-- and regional counts, other outlets' copies of the same night) are one attack, so while the
-- stored maximum is still the story that set the baseline, a higher figure of that story only
-- raises the baseline. 'prior' keeps the maximum before the story that holds it (none: the
-- holder set the baseline).
function checks.record()
  local story = p.story_id ~= '' and p.story_id or p.item_id
  local current = redis.call('HGET', K[1], 'max')
  if not current then
    remember(K[1], 'max', p.value, 'item', p.item_id, 'at', p.at_iso, 'story', story)
    if not p.claim then return 'baseline' end
    return nil
  end
  previous = current
  if p.value > tonumber(current) then
    local holder = redis.call('HGET', K[1], 'story')
    if holder == story then
      local prior = redis.call('HGET', K[1], 'prior')
      remember(K[1], 'max', p.value, 'item', p.item_id, 'at', p.at_iso)
      if not prior then
        previous = ''
        if not p.claim then return 'baseline' end
      else
        previous = prior
      end
    else
      remember(K[1], 'max', p.value, 'item', p.item_id, 'at', p.at_iso, 'story', story, 'prior', current)
    end
  elseif not p.claim then
    return 'not_record'
  end
  return nil
end

function checks.new_term()
  local added = redis.call('SADD', K[1], p.term)
  redis.call('EXPIRE', K[1], p.memory_ttl)
  if added == 0 then return 'known_term' end
  return nil
end

local function add_member(keep_ms)
  local old = redis.call('ZSCORE', K[1], p.member)
  if not old or tonumber(old) < p.at then redis.call('ZADD', K[1], p.at, p.member) end
  -- trimmed behind the newest member, not behind this item: a late item trims nothing newer
  local newest = redis.call('ZREVRANGE', K[1], 0, 0, 'WITHSCORES')
  redis.call('ZREMRANGEBYSCORE', K[1], '-inf', '(' .. (tonumber(newest[2]) - keep_ms - p.grace_ms))
  redis.call('PEXPIRE', K[1], keep_ms + p.grace_ms)
end

function checks.frequency()
  add_member(p.window_ms)
  local n = redis.call('ZCOUNT', K[1], p.at - p.window_ms, p.at)
  if n < p.count then return 'counting' end
  return nil
end

function checks.spike()
  add_member(p.window_ms + p.reference_ms)
  local split = p.at - p.window_ms
  local cur = redis.call('ZCOUNT', K[1], '(' .. split, p.at)
  local ref = redis.call('ZCOUNT', K[1], split - p.reference_ms, split)
  local cur_rate, ref_rate = cur / p.window_ms, ref / p.reference_ms
  local up = p.direction ~= 'down' and cur >= p.count and cur_rate >= p.ratio * ref_rate
  local down = p.direction ~= 'up' and ref >= p.count and cur_rate * p.ratio <= ref_rate
  if up or down then return nil end
  return 'counting'
end

function checks.change()
  local old = redis.call('HGET', K[1], 'value')
  remember(K[1], 'value', p.term, 'item', p.item_id, 'at', p.at_iso)
  if not old then return 'baseline' end
  if old == p.term then return 'unchanged' end
  previous = old
  local a, b = tonumber(old), tonumber(p.term)
  if p.direction == 'up' and not (a and b and b > a) then return 'unchanged' end
  if p.direction == 'down' and not (a and b and b < a) then return 'unchanged' end
  return nil
end

-- the claim nearest before this event time within the realert, else the nearest after it
local function claim_near()
  local low, high = p.at - p.realert_ms + 1, p.at + p.realert_ms - 1
  local found = redis.call('ZREVRANGEBYSCORE', K[2], p.at, low, 'LIMIT', 0, 1)
  if #found == 0 then found = redis.call('ZRANGEBYSCORE', K[2], p.at, high, 'LIMIT', 0, 1) end
  return found[1]
end

-- the id of a higher alert of the story within the realert (nil: none). A match listed under
-- another rule's match of its own severity on the same item (p.under) is outranked by that
-- alert once claimed, else (the host was a duplicate) by any alert of its rank in the story.
local function outranked()
  if p.under ~= '' and redis.call('ZSCORE', K[4], p.rank .. '\t' .. p.under) then return p.under end
  local low, high = p.at - p.realert_ms + 1, p.at + p.realert_ms - 1
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', K[4], low, high)) do
    local rank, id = string.match(member, '^(%d+)\t(.*)$')
    rank = tonumber(rank)
    if rank > p.rank or (p.under ~= '' and rank == p.rank and id ~= p.alert_id) then return id end
  end
  return nil
end

-- Another outlet reporting what an alert already told (a corroborating source), or a revised
-- figure: not a new alert, but a follow-up the sinks thread under that alert (Slack) or log
-- with its reason. The same outlet repeating itself adds nothing; a revision is news from a
-- source already heard, queued once per item (a retried batch adds none).
local function follow_up(holder, number)
  if redis.call('HEXISTS', K[9], holder) == 1 then return end
  local heard = redis.call('SADD', K[7], holder .. '\t' .. p.source) == 1
  if p.revised then heard = redis.call('SADD', K[7], holder .. '\t' .. p.item_id) == 1 or heard end
  if heard then
    redis.call('PEXPIRE', K[7], p.realert_ms + p.grace_ms)
    redis.call('XADD', K[3], 'MAXLEN', '~', p.maxlen, '*', 'alert', payload, 'previous', number,
               'reason', 'cooldown')
  end
end

local function keep(key, ms)
  if redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
end

local function claim()
  local hold = p.realert_ms + p.grace_ms
  redis.call('ZADD', K[2], p.at, p.alert_id)
  redis.call('HSET', K[8], p.alert_id, p.claimed)
  redis.call('SADD', K[7], p.alert_id .. '\t' .. p.source)
  redis.call('ZADD', K[4], p.at, p.rank .. '\t' .. p.alert_id)
  for _, key in ipairs({K[2], K[8], K[7], K[4]}) do keep(key, hold) end
end

local function decide()
  local check = checks[p.kind]
  if check then
    local reason = check()
    if reason then return reason end
  end
  if p.mute ~= '' then return p.mute end
  -- the outbox reads 'previous' as a number: a changed text value stays out of it
  local number = tonumber(previous) and previous or ''
  if redis.call('ZSCORE', K[2], p.alert_id) then return 'seen' end
  local holder = claim_near()
  if holder then
    follow_up(holder, number)
    return 'cooldown'
  end
  local top = outranked()
  if top then
    follow_up(top, number)
    return 'inhibited'
  end
  claim()
  if p.need > p.have then
    redis.call('HSET', K[9], p.alert_id, cjson.encode({alert = payload, single = single, previous = number}))
    redis.call('ZADD', K[10], p.at + p.hold_ms, p.alert_id)
    redis.call('HSET', K[11], p.alert_id, p.need .. '\t' .. p.story_id)
    for _, key in ipairs({K[9], K[10], K[11]}) do keep(key, p.hold_ms + p.grace_ms) end
    return 'held'
  end
  if p.aggregate_ms > 0 then
    redis.call('RPUSH', K[5], cjson.encode({alert = payload, previous = number, group = p.agg_group}))
    keep(K[5], p.aggregate_ms * 10 + p.grace_ms)
    redis.call('ZADD', K[6], 'NX', p.agg_due, K[5])
    return 'aggregated'
  end
  redis.call('XADD', K[3], 'MAXLEN', '~', p.maxlen, '*', 'alert', payload, 'previous', number)
  return 'first'
end

local layout = ARGV[1]
local starts, stale = {}, {}
local nk, na = 5, 1
for i = 1, #layout do
  starts[i] = {nk, na}
  if string.sub(layout, i, i) == 'F' then
    nk, na = nk + 6, na + 3
  else
    local q = cjson.decode(ARGV[na + 1])
    if not settled(KEYS[nk + 1], q.kind, q.value, q.claim, q.term) then stale[#stale + 1] = i end
    nk, na = nk + 1, na + 1
  end
end
if #stale > 0 then return {'stale', stale} end

-- held alerts to release before each decision: none while the holds hash is empty (a batch
-- of 10,000 rules' matches then skips two lookups per match)
local holding = redis.call('HLEN', KEYS[3]) > 0
local replies = {}
for i = 1, #layout do
  local k, a = starts[i][1], starts[i][2]
  if string.sub(layout, i, i) == 'F' then
    K = {KEYS[k + 1], KEYS[k + 2], KEYS[1], KEYS[k + 3], KEYS[k + 4], KEYS[2], KEYS[k + 5], KEYS[k + 6],
         KEYS[3], KEYS[4], KEYS[5]}
    p, payload, single = cjson.decode(ARGV[a + 1]), ARGV[a + 2], ARGV[a + 3]
  else
    K = {KEYS[k + 1], nil, KEYS[1], nil, nil, KEYS[2], nil, nil, KEYS[3], KEYS[4], KEYS[5]}
    p, payload, single = cjson.decode(ARGV[a + 1]), '', ''
  end
  previous = ''
  if holding then
    local H = {K[9], K[10], K[11], K[3]}
    hold_release_due(H, p.at, p.maxlen)
    hold_release_story(H, p.story_id, p.have, p.maxlen)
  end
  local reason = decide()
  if reason == 'held' then holding = true end
  replies[i] = reason .. '\t' .. previous
end
return table.concat(replies, '\n')
