-- wrk reporter: one line with the median and 95th percentile latency (ms), throughput and failures.
done = function(summary, latency, requests)
  local failures = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT p50=%.1f p95=%.1f rps=%.0f requests=%d failures=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, failures))
end
