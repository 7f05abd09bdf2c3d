-- wrk script: public opinion intake, POST /api/v1/public/opinions.
--
-- Every request is a different opinion: the content is put together from a few dozen phrases and a
-- per-thread counter, the region and kind vary, every request carries its own Idempotency-Key (as the
-- portal's form does, so that a retry never makes a second record), and every other request gives a
-- name and a phone number (encrypted with AES-GCM and hashed before they are stored).
--
-- The tracking codes of the first CODES_PER_THREAD answers of each thread are written, one per line, to
-- the file named by the environment variable BENCH_CODES (if set), for the tracking benchmark.

local CODES_PER_THREAD = 2000

local places = { "朔良镇那板村", "右江区百城街道", "田阳区那坡镇", "田东县平马镇", "德保县城关镇", "靖西市新靖镇",
	"那坡县城厢镇", "凌云县泗城镇", "乐业县同乐镇", "西林县八达镇", "隆林各族自治县新州镇", "平果市马头镇" }
local problems = { "到镇上的道路塌方，雨天无法通行", "小区路灯坏了三个月没人修", "饮水管道破裂，全村停水两天",
	"学校门口早晚交通拥堵，孩子过马路危险", "农贸市场污水横流，气味很大", "村卫生室缺医少药，看病要跑很远",
	"河道垃圾堆积无人清理", "新建楼盘噪音扰民到深夜", "公交班次太少，老人进城不方便",
	"芒果收购价压得太低，希望搭建销售平台", "危房改造补助迟迟没有到位", "农村医保报销手续繁琐" }
local asks = { "请尽快修复。", "希望有关部门重视。", "请派人来看看。", "希望给个答复。", "建议列入今年的计划。",
	"恳请代表帮忙反映。" }
local regions = { "451000", "451002", "451002001", "451003", "451022", "451022108", "451024", "451081", "451082",
	"451026", "451027", "451028", "451029", "451030" }
local kinds = { "COMPLAINT", "SUGGESTION", "INQUIRY", "COMPLAINT", "SUGGESTION" }
local categories = { "INFRASTRUCTURE", "TRANSPORT", "HEALTH", "ENVIRONMENT", "AGRICULTURE", "OTHER" }

-- tid, codes and ncodes are globals: setup() sets tid in each thread, done() reads codes and ncodes.
local counter = 0
local nonce = 0
tid = 0
codes = {}
ncodes = 0

local threads = {}
local nthreads = 0

function setup(thread)
	nthreads = nthreads + 1
	thread:set("tid", nthreads)
	table.insert(threads, thread)
end

function init(args)
	math.randomseed(tid * 7919 + os.time())
	nonce = math.random(1, 2000000000)
	wrk.method = "POST"
	wrk.headers["Content-Type"] = "application/json"
end

local function pick(t, i)
	return t[(i % #t) + 1]
end

function request()
	counter = counter + 1
	local i = counter * 31 + tid * 17
	local content = pick(places, i) .. pick(problems, math.floor(i / 3) + counter) .. "，" .. pick(asks, counter + tid)
		.. "（第" .. tid .. "-" .. counter .. "号）"
	local body
	if counter % 2 == 0 then
		body = string.format(
			'{"content":"%s","regionCode":"%s","kind":"%s","category":"%s","name":"黄大伟","phone":"138%08d"}',
			content, pick(regions, i), pick(kinds, counter), pick(categories, counter), (tid * 1000003 + counter) % 100000000)
	else
		body = string.format('{"content":"%s","regionCode":"%s","kind":"%s"}', content, pick(regions, i),
			pick(kinds, counter))
	end
	local headers = { ["Content-Type"] = "application/json",
		["Idempotency-Key"] = string.format("bench-%d-%d-%d", nonce, tid, counter) }
	return wrk.format(nil, nil, headers, body)
end

function response(status, headers, body)
	if ncodes < CODES_PER_THREAD and status == 201 then
		local code = body:match('"trackingCode":"(%w+)"')
		if code then
			ncodes = ncodes + 1
			codes[ncodes] = code
		end
	end
end

function done(summary, latency, requests)
	local path = os.getenv("BENCH_CODES")
	if not path then
		return
	end
	local f = assert(io.open(path, "a"))
	for _, thread in ipairs(threads) do
		local c = thread:get("codes")
		local n = thread:get("ncodes") or 0
		for j = 1, n do
			f:write(c[j], "\n")
		end
	end
	f:close()
end
