-- Shared by prefilter.lua and decide.lua (prepended to both).
-- The reason a match's state check gives before its batch is decided, when deciding the batch
-- cannot change it: a known term stays known (term sets only grow) and a value at or below the
-- stored maximum stays below it (the maximum only grows). nil: the check may pass, so the
-- match may fire and needs its alert payload. Keys do not expire while a script runs.
local function settled(key, kind, value, claim, term)
  if kind == 'new_term' then
    if redis.call('SISMEMBER', key, term) == 1 then return 'known_term' end
  elseif kind == 'record' and not claim then
    local current = redis.call('HGET', key, 'max')
    if current and tonumber(value) <= tonumber(current) then return 'not_record' end
  end
  return nil
end
