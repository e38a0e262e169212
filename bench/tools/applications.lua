-- wrk script: POST /api/v1/applications, each with a fresh valid national ID (the one-person rule refuses a
-- repeat), filed by a provincial secretariat on the applicant's behalf. BENCH_TOKENS: file of tokens;
-- BENCH_NID_BASE: first 9-digit body (each wrk thread takes its own range).
local tokens = {}
for l in io.lines(os.getenv("BENCH_TOKENS")) do if l ~= "" then tokens[#tokens + 1] = l end end
local base = tonumber(os.getenv("BENCH_NID_BASE") or "100000000")
local threads = 0
function setup(thread) thread:set("offset", threads * 10000000); threads = threads + 1 end
local n = 0
local function nid(k)
  local body = string.format("%09d", k % 1000000000)
  local sum = 0
  for d = 1, 9 do sum = sum + tonumber(body:sub(d, d)) * (11 - d) end
  local r = sum % 11
  if r >= 2 then r = 11 - r end
  return body .. r
end
function request()
  n = n + 1
  local body = '{"province":"IR-07","category":"ENTREPRENEUR","sector":"INDUSTRIAL","firstName":"مریم",' ..
    '"lastName":"کریمی","nationalId":"' .. nid(base + (offset or 0) + n) .. '","birthDate":"1985-08-02",' ..
    '"mobile":"09121234567","city":"تهران","expertise":["کارآفرینی"]}'
  return wrk.format("POST", "/api/v1/applications",
    {["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1], ["Content-Type"] = "application/json"}, body)
end
function response(status, headers, body)
  if status >= 400 and not reported then reported = true; io.stderr:write("first error " .. status .. ": " .. body .. "\n") end
end
