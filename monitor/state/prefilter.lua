
-- Phase 1 of a batch's decision (read only): which matches' state checks already say no, so
-- their titles, texts and alert payloads need not be built (see decide.lua).
-- KEYS: each match's state key. ARGV: 4 per match: kind, value, claim ('1' or ''), term.
-- Returns 1 (settled) or 0 per match.
local out = {}
for i = 1, #KEYS do
  local a = 4 * (i - 1)
  out[i] = settled(KEYS[i], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3] ~= '', ARGV[a + 4]) and 1 or 0
end
return out
