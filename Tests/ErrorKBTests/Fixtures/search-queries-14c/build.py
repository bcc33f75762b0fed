#!/usr/bin/env python3
"""Set 14c: support queries as people type them, with answers chosen by reading the pages.
Checks that every cited snippet is on the cited line (paths relative to ../shared, given as
SHARED or $ERRORKB_SHARED) and that no query repeats one of sets 14 and 14b, then writes
queries.jsonl next to this file. Made without reading or running ErrorKB's ranking code."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get('ERRORKB_SHARED', os.path.join(HERE, '../../../../../shared'))
A = {'S': 'corpus/spot-errors.en.md', 'SZ': 'corpus/spot-errors.zh-CN.md',
     'U': 'corpus/usds-margined-futures-error-code.en.md', 'UZ': 'corpus/usds-margined-futures-error-code.en+zh-CN.md',
     'W': 'corpus/wallet-error-code.en+zh-CN.md', 'O': 'corpus/options-error-code.en.md',
     'C': 'seed-docs/binance-coin-margined-futures-error-code.en.md', 'WS': 'seed-docs/binance-wallet-error-code.zh-CN.txt'}
FAM = [-1010, -2010, -2011, -2038]   # the spot matching-engine messages' codes (S:367)
# (id, query, lang, kind, expected, acceptable, [(alias, line, snippet)], why)
Q = [
 # --- English: paraphrases and symptoms
 ("c001", "can't place order min notional", "en", "symptom", [-4164, -1013], [-4178, -5029],
  [("U", 739, "Order's notional must be no smaller than"), ("S", 431, "Filter failure: MIN_NOTIONAL")],
  "futures -4164 MIN_NOTIONAL; on spot the MIN_NOTIONAL filter failure comes back as -1013; COIN-M's twin -4178, the amend check -5029"),
 ("c002", "too much request weight", "en", "paraphrase", [-1003], [-1008],
  [("S", 24, "Too much request weight used"), ("O", 41, "-1008 TOO\\_MANY\\_REQUESTS")],
  "-1003 TOO_MANY_REQUESTS; options files its request-weight messages under -1008"),
 ("c003", "listenKey expired", "en", "symptom", [-1125], [],
  [("S", 143, "This listenKey does not exist.")], "an expired listenKey is one that no longer exists: -1125 INVALID_LISTEN_KEY"),
 ("c004", "invalid api key", "en", "paraphrase", [-2015, -2014], [-4056, -4057, -2008],
  [("S", 342, "Invalid API-key, IP, or permissions for action."), ("S", 339, "API-key format invalid."), ("O", 183, "INVALID\\_API\\_KEY")],
  "-2015 (options names it INVALID_API_KEY) or the format error -2014; futures' api-key-type errors are near"),
 ("c005", "insufficient margin", "en", "paraphrase", [-2019], [-2028, -4169, -4050, -4051, -2018],
  [("U", 278, "Margin is insufficient.")], "word order of the message swapped"),
 ("c006", "insuficient margin", "en", "typo", [-2019], [-2028, -4169, -4050, -4051, -2018],
  [("U", 278, "Margin is insufficient.")], "one f missing"),
 ("c007", "invaild signature", "en", "typo", [-1022], [],
  [("S", 58, "Signature for this request is not valid.")], "transposed letters in invalid; signature is only -1022's"),
 ("c008", "too_many_requests", "en", "name", [-1003], [-1008],
  [("S", 22, "-1003 TOO_MANY_REQUESTS"), ("O", 41, "TOO\\_MANY\\_REQUESTS")], "the name typed in lower case; options' -1008 has the same name"),
 ("c009", "new order rejected", "en", "name", [-2010], FAM,
  [("S", 329, "-2010 NEW_ORDER_REJECTED")], "the name as words"),
 ("c010", "cancel rejected", "en", "name", [-2011], FAM + [-2012],
  [("S", 332, "-2011 CANCEL_REJECTED")], "the name as words"),
 ("c011", "order would trigger immediately", "en", "paraphrase", [-2021] + FAM, [-4142],
  [("S", 390, "Order would trigger immediately."), ("U", 286, "Order would immediately trigger.")],
  "the spot matching-engine row (its codes) or futures -2021; -4142 'will be triggered immediately' is near"),
 ("c012", "quantity below minimum", "en", "paraphrase", [-4004], [-1013, -4003, -4164],
  [("U", 337, "Quantity less than min quantity.")], "-4004 QTY_LESS_THAN_MIN_QTY; spot LOT_SIZE (-1013)"),
 ("c013", "price lower than min price", "en", "paraphrase", [-4013], [-4001, -4024, -1013],
  [("U", 373, "Price less than min price.")], "-4013 PRICE_LESS_THAN_MIN_PRICE"),
 ("c014", "duplicate client order id", "en", "paraphrase", [-4116] + FAM, [-4015, -4115],
  [("U", 682, "clientOrderId is duplicated"), ("S", 375, "Duplicate order sent.")],
  "futures -4116 DUPLICATED_CLIENT_ORDER_ID; spot's row 'Duplicate order sent.' (the clOrdId is already in use) under its codes"),
 ("c015", "recvWindow too large", "en", "paraphrase", [-1131], [-1021],
  [("O", 169, "recvWindow must be less than 60000")], "-1131 BAD_RECV_WINDOW (options, PM-Pro, crypto-loan)"),
 ("c016", "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.", "en", "filled", [-1003], [-1008],
  [("S", 24, "current limit is %s request weight per %s")], "pasted message, both %s filled"),
 ("c017", "Too many new orders; current limit is 50 orders per 10 SECOND.", "en", "filled", [-1015], [],
  [("S", 45, "Too many new orders; current limit is %s orders per %s.")], "pasted message, both %s filled"),
 ("c018", "Parameter 'newClientOrderId' sent when not required.", "en", "filled", [-1106], [],
  [("S", 103, "Parameter '%s' sent when not required.")], "pasted message, %s filled with a parameter name"),
 ("c019", "Parameter 'quantity' has too much precision.", "en", "filled", [-1111], [],
  [("S", 110, "Parameter '%s' has too much precision.")], "pasted message, %s filled"),
 ("c020", "More than 24 hours between startTime and endTime.", "en", "filled", [-1127], [-1023],
  [("S", 147, "More than %s hours between startTime and endTime.")], "pasted message, %s filled with a number"),
 ("c021", "Order's notional must be no smaller than 100 (unless you choose reduce only)", "en", "filled", [-4164, -4178], [-5029],
  [("U", 739, "no smaller than 5.0 (unless you choose reduce only)"), ("C", 618, "no smaller than %s (unless you choose reduce only)")],
  "a minimum other than the page's 5.0: USD-M -4164 or COIN-M -4178's template"),
 ("c022", "Not less than the minimum pick-up quantity 0.001.", "en", "filled", [-4022], [],
  [("W", 675, "Not less than the minimum pick-up quantity %s.")], "wallet -4022 CAPITAL_WITHDRAW_MIN_AMOUNT, %s filled"),
 ("c023", "outside of the ME recvWindow", "en", "fragment", [-5028], [-1021],
  [("U", 870, "Timestamp for this request is outside of the ME recvWindow.")], "fragment of -5028's message; -1021's lacks ME"),
 ("c024", "position side does not match", "en", "fragment", [-4061], [-4060],
  [("U", 533, "Order's position side does not match user's setting.")], "head of -4061's message"),
 ("c025", "stop price above max price", "en", "paraphrase", [-4007], [-4210, -4002],
  [("U", 349, "Stop price greater than max price.")], "-4007 STOP_PRICE_GREATER_THAN_MAX_PRICE"),
 ("c026", "balance not sufficient", "en", "name", [-2018], [-2019, -4050, -4051, -3041, -5002, -4026] + FAM,
  [("U", 274, "Balance is insufficient.")], "BALANCE_NOT_SUFFICIENT as words"),
 ("c027", "withdraw address not whitelisted", "en", "paraphrase", [-4035], [-1005],
  [("W", 753, "This address is not on the whitelist.")], "wallet -4035 CAPITAL_WITHDRAW_NOT_WHITE_ADDRESS"),
 ("c028", "price not multiple of tick size", "en", "paraphrase", [-4014], [-1013, -4029, -4008],
  [("U", 377, "Price not increased by tick size.")], "-4014; spot PRICE_FILTER (-1013) checks the tick size too"),
 ("c029", "server overloaded", "en", "paraphrase", [-1008], [-1003],
  [("S", 34, "Server is currently overloaded with other requests.")], "-1008 SERVER_BUSY / Request Throttled"),
 ("c030", "timestamp ahead of server time", "en", "paraphrase", [-1021], [-5028],
  [("S", 55, "Timestamp for this request was 1000ms ahead of the server's time.")], "the second -1021 message in other words"),
 # --- Chinese
 ("z001", "下单数量太小", "zh", "symptom", [-4004, -20195], [-1013, -4003, -4164],
  [("UZ", 1803, "数量小于最小值"), ("W", 2614, "下单数量太小。")],
  "-4004 QTY_LESS_THAN_MIN_QTY 数量小于最小值; the wallet page's strategy-trading -20195 has these very words (corrected after the first run: I had missed that line)"),
 ("z002", "签名无效", "zh", "paraphrase", [-1022], [],
  [("UZ", 1402, "此请求的签名无效。")], "-1022"),
 ("z003", "IP被封", "zh", "symptom", [-1003], [-1008],
  [("SZ", 25, "IP被禁止，直到％s"), ("UZ", 1322, "IP被禁止，直到％s")], "the ban is -1003's 'IP被禁止' message"),
 ("z004", "API key无效", "zh", "mixed", [-2015, -2014], [-4056, -4057, -2008],
  [("UZ", 1674, "无效的API密钥，IP或操作权限。"), ("UZ", 1667, "API-key 格式无效。")], "mixed zh/en; -2015 or -2014"),
 ("z005", "时间戳过期", "zh", "symptom", [-1021], [-5028],
  [("UZ", 1394, "此请求的时间戳在recvWindow之外。")], "a stale timestamp is outside recvWindow: -1021"),
 ("z006", "请求权重", "zh", "keyword", [-1003], [-1008],
  [("SZ", 24, "请求权重过多")], "-1003's request-weight messages"),
 ("z007", "保证金不够", "zh", "paraphrase", [-2019], [-2028, -4169, -4050, -4051, -2018],
  [("UZ", 1701, "Margin is insufficient.")], "-2019 (the zh page says 杠杆账户余额不足)"),
 ("z008", "可用余额不足", "zh", "phrase", [-2018, -2028], [-2019, -4050, -4051] + FAM,
  [("UZ", 1695, "余额不足"), ("UZ", 1766, "调整初始杠杆过低，导致可用余额不足")], "-2018 余额不足, or -2028 whose message has the phrase"),
 ("z009", "撤单失败", "zh", "paraphrase", [-2011], FAM + [-2012, -4031],
  [("SZ", 330, "-2011 撤销订单被拒绝"), ("UZ", 1646, "取消订单被拒绝")], "a cancel that failed: -2011 CANCEL_REJECTED; batch -2012"),
 ("z010", "下单被拒", "zh", "paraphrase", [-2010], FAM,
  [("SZ", 327, "-2010 新订单被拒绝")], "-2010 NEW_ORDER_REJECTED 新订单被拒绝"),
 ("z011", "价格太低", "zh", "paraphrase", [-4013], [-4001, -4024, -1013],
  [("UZ", 1866, "价格小于最小价格")], "-4013"),
 ("z012", "数量精度", "zh", "keyword", [-1111], [-4030, -1013, -4029],
  [("SZ", 110, "-1111 精度过高"), ("UZ", 1507, "精度超过为此资产定义的最大值。")], "too much precision: -1111; -4030 is the step-size precision config error"),
 ("z013", "listenKey不存在", "zh", "mixed", [-1125], [],
  [("UZ", 1591, "listenKey`不存在")], "-1125"),
 ("z014", "持仓方向不匹配", "zh", "paraphrase", [-4061], [-4060, -4059],
  [("UZ", 2142, "订单的持仓方向和用户设置不一致。")], "-4061; 不匹配 for 不一致"),
 ("z015", "订单号重复", "zh", "paraphrase", [-4116] + FAM, [-4115, -4015],
  [("UZ", 2375, "clientOrderId 重复"), ("SZ", 374, "客户自定义的订单号重复了")], "futures -4116, or spot's 'Duplicate order sent.' row"),
 ("z016", "参数为空", "zh", "phrase", [-1105], [-1102],
  [("UZ", 1468, "参数为空。")], "-1105 PARAM_EMPTY"),
 ("z017", "交易对无效", "zh", "paraphrase", [-1121], [-1122, -1110],
  [("UZ", 1577, "无效的交易对。")], "word order swapped"),
 ("z018", "提现金额太小", "zh", "symptom", [-4022], [-4028],
  [("WS", 271, "不须少于最低的提款数量％s。")], "wallet -4022; the page says 提款, users say 提现"),
 ("z019", "提币地址不合法", "zh", "paraphrase", [-4033], [-4035, -4007],
  [("WS", 293, "提款地址不合法。")], "wallet -4033 (提款 for 提币)"),
 ("z020", "服务器超时", "zh", "paraphrase", [-1007], [-1001],
  [("UZ", 1350, "等待后端服务器响应超时。")], "-1007 TIMEOUT"),
 ("z021", "最小下单金额", "zh", "symptom", [-4164, -1013], [-4178, -5029],
  [("UZ", 2474, "订单的名义价值不可以小于5"), ("SZ", 430, "也就是订单金额，是否超过了最小值")],
  "the minimum order value: futures -4164, spot MIN_NOTIONAL filter (-1013)"),
 ("z022", "数量超过最大值", "zh", "paraphrase", [-4005], [-4010, -1013],
  [("UZ", 1810, "数量大于最大值")], "-4005"),
 ("z023", "订单的名义价值不可以小于100，除了使用reduce only", "zh", "filled", [-4164], [-4178, -5029],
  [("UZ", 2476, "订单的名义价值不可以小于`%s`，除了使用reduce only")], "zh message with the argument filled"),
 ("z024", "请求权重过多； 当前限制为每分钟2400请求权重。", "zh", "filled", [-1003], [-1008],
  [("UZ", 1320, "当前限制为每分钟％s请求权重")], "zh message with ％s filled"),
 ("z025", "recvWindow太大", "zh", "mixed", [-1131], [-1021],
  [("O", 169, "recvWindow must be less than 60000")], "mixed; only the English pages have -1131"),
 ("z026", "杠杆倍数不对", "zh", "paraphrase", [-4028], [-4161, -2027, -2028],
  [("UZ", 1975, "杠杆倍数不正确")], "-4028 INVALID_LEVERAGE"),
 ("z027", "API权限不够", "zh", "mixed", [-2015, -1002], [-2014],
  [("UZ", 1674, "无效的API密钥，IP或操作权限。"), ("SZ", 20, "请检查你的(API)权限")], "-2015 (permissions for action) or -1002 未授权"),
 ("z028", "登录后不能提币", "zh", "symptom", [-4014], [-4016, -4017],
  [("WS", 257, "在登录后的2分钟之内不允许提款。")], "wallet -4014 CAPITAL_WITHDRAW_LOGIN_DELAY"),
 ("z029", "仓位模式不能切换", "zh", "phrase", [-4047, -4048], [-4046, -4067, -4068, -4059],
  [("UZ", 2046, "如果有挂单，仓位模式不能切换。"), ("UZ", 2053, "如果有仓位，仓位模式不能切换。")], "the zh page's words for margin-type switching"),
 ("z030", "reduceOnly被拒绝", "zh", "mixed", [-2022], [-4118, -4062, -2026],
  [("UZ", 1723, "`ReduceOnly`订单被拒绝")], "-2022 REDUCE_ONLY_REJECT"),
]

def main():
    if not os.path.isdir(ROOT):
        sys.exit(f"{ROOT}: not found (set ERRORKB_SHARED)")
    pages, bad = {}, []
    for qid, query, lang, kind, exp, acc, refs, why in Q:
        for alias, line, snippet in refs:
            lines = pages.setdefault(alias, open(os.path.join(ROOT, A[alias]), encoding='utf-8').read().split('\n'))
            if line > len(lines) or snippet not in lines[line - 1]:
                bad.append(f"{qid}: {A[alias]}:{line} lacks {snippet!r}: {(lines[line - 1] if line <= len(lines) else '')[:90]!r}")
    old = set()
    for other in ('../search-queries/queries.jsonl', '../search-queries-14b/queries.jsonl'):
        old |= {json.loads(l)['query'] for l in open(os.path.join(HERE, other), encoding='utf-8') if l.strip()}
    bad += [f"{q[0]}: reused from another set: {q[1]}" for q in Q if q[1] in old]
    ids = [q[0] for q in Q]
    bad += [f"duplicate id {i}" for i in set(ids) if ids.count(i) > 1]
    if bad:
        sys.exit('\n'.join(bad))
    with open(os.path.join(HERE, 'queries.jsonl'), 'w', encoding='utf-8') as out:
        for qid, query, lang, kind, exp, acc, refs, why in Q:
            cites = ' ; '.join(f"{A[a]}:{n}" for a, n, _ in refs)
            out.write(json.dumps({"id": qid, "query": query, "lang": lang, "kind": kind, "expected": exp,
                                  "acceptable": acc, "why": f"{cites} — {why}"}, ensure_ascii=False) + '\n')
    print(f"{len(Q)} queries ({sum(q[2] == 'en' for q in Q)} en, {sum(q[2] == 'zh' for q in Q)} zh) written")

main()
