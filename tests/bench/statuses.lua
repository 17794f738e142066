-- statuses.lua - a wrk script: counts the answers by HTTP status over every
-- thread, and prints them with the latency percentiles, one line each:
--   statuses: 200=1234 503=5
--   latency: p50=12.3ms p90=20.1ms p99=35.0ms max=50.2ms
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	counts = {}
end

function response(status, headers, body)
	counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
	local total, keys = {}, {}
	for _, t in ipairs(threads) do
		for status, n in pairs(t:get("counts")) do
			total[status] = (total[status] or 0) + n
		end
	end
	for status in pairs(total) do
		table.insert(keys, status)
	end
	table.sort(keys)
	local line = "statuses:"
	for _, status in ipairs(keys) do
		line = line .. string.format(" %d=%d", status, total[status])
	end
	print(line)
	print(string.format("latency: p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms",
		latency:percentile(50) / 1000, latency:percentile(90) / 1000,
		latency:percentile(99) / 1000, latency.max / 1000))
	print(string.format("throughput: %.1f requests/s over %.1f s",
		summary.requests / (summary.duration / 1e6), summary.duration / 1e6))
end
