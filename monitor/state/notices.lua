-- Queue a notice (a denial, retraction or correction) for a story's thread: once per item, and
-- only when the story has an alert that was sent (not one still held for corroboration).
-- KEYS: 1 the story's notices (set of item ids), 2 the story's ranks, 3 held alerts, 4 outbox
-- ARGV: 1 item id, 2 alert payload (JSON), 3 TTL of the notices set (s), 4 outbox MAXLEN
-- Returns 'queued', 'seen' (this item's notice was queued before) or 'no_alert'.
local sent = false
for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local id = string.match(member, '^%d+\t(.*)$')
  if id and redis.call('HEXISTS', KEYS[3], id) == 0 then
    sent = true
    break
  end
end
if not sent then return 'no_alert' end
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 'seen' end
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[4], '*', 'alert', ARGV[2], 'previous', '')
return 'queued'
