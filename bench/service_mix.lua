-- wrk script: each request takes the next query of bench/service_queries.txt, in turn per thread.
local queries = {}
local counter = 0

init = function(args)
  local file = args[1] or "bench/service_queries.txt"
  for line in io.lines(file) do
    if line ~= "" then queries[#queries + 1] = line end
  end
end

request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/search?" .. q)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f errors=%d non2xx=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests))
end
