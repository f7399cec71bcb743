-- wrk script: each request POSTs one new article (a unique id per thread and request), so every request
-- is clustered and stored rather than skipped as a re-ingest.
local counter = 0
local thread_tag = "t"

function setup(thread)
  thread:set("thread_tag", tostring(math.random(1, 1000000000)))
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"id":"wrk-%s-%d","published":"2031-01-01T00:00:00Z","title":"Harbour council report %d",' ..
    '"text":"The harbour council met on Tuesday to review the dredging contract for the north quay. ' ..
    'Members asked the port authority for a revised cost estimate and a timetable for the works, %d."}',
    thread_tag, counter, counter, counter)
  return wrk.format("POST", "/articles", {["Content-Type"] = "application/json"}, body)
end
