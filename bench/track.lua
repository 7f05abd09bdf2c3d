-- wrk script: public tracking, GET /api/v1/public/opinions/{trackingCode}, over the tracking codes in the
-- file named by the environment variable BENCH_CODES (one a line, written by intake.lua), in random order.

local codes = {}
local tid = 0

function init(args)
	local path = assert(os.getenv("BENCH_CODES"), "set BENCH_CODES to the file of tracking codes")
	for line in io.lines(path) do
		if #line > 0 then
			codes[#codes + 1] = line
		end
	end
	assert(#codes > 0, "no tracking codes in " .. path)
	math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
	return wrk.format("GET", "/api/v1/public/opinions/" .. codes[math.random(#codes)])
end
