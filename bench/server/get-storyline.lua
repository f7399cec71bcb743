-- wrk script: GET /storylines/{id} over the ids listed in STORYLINE_IDS (comma-separated), in turn, so
-- the benchmark reads many timelines instead of one cached answer.
local ids = {}
for id in string.gmatch(os.getenv("STORYLINE_IDS") or "0", "[^,]+") do ids[#ids + 1] = id end
local next_index = 0

function request()
  next_index = next_index % #ids + 1
  return wrk.format("GET", "/storylines/" .. ids[next_index])
end
