-- wrk script: each request takes the next id (ids.txt) into the path and the next token (tokens.txt), so the
-- service sees many distinct tokens and rows, as in production. Set by bench/run through environment:
-- BENCH_PATH (with {id}), BENCH_IDS, BENCH_TOKENS (files, one per line).
local function lines(file)
  local t = {}
  if file and file ~= "" then for l in io.lines(file) do if l ~= "" then t[#t + 1] = l end end end
  if #t == 0 then t[1] = "" end
  return t
end
local path = os.getenv("BENCH_PATH")
local ids = lines(os.getenv("BENCH_IDS"))
local tokens = lines(os.getenv("BENCH_TOKENS"))
local i = 0
function init(args) i = math.random(1, 100000) end
function request()
  i = i + 1
  local hdr = {}
  local tok = tokens[(i % #tokens) + 1]
  if tok ~= "" then hdr["Authorization"] = "Bearer " .. tok end
  return wrk.format("GET", (path:gsub("{id}", ids[(i % #ids) + 1])), hdr)
end
-- p95 is what the scale goals speak of (wrk's --latency table stops at 90 % and 99 %)
function done(summary, latency, requests)
  io.write(string.format("p95_ms %.3f\np50_ms %.3f\n", latency:percentile(95) / 1000, latency:percentile(50) / 1000))
end
