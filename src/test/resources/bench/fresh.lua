-- wrk script: every request gets a parameter never seen before, so the portal cannot answer from memory
-- (the search page caches repeated searches until the next publish); nginx ignores the query string.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
request = function()
  n = n + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "fresh=" .. tid .. "-" .. n)
end
-- wrk script: after the run, print one line of figures the benchmark parses (latencies in microseconds).
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d bytes=%d errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d p50=%d p95=%d p99=%d max=%d\n",
    summary.requests, summary.duration, summary.bytes,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
