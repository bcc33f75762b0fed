#!/usr/bin/env python3
"""Build queries.jsonl and punctuation_cases.jsonl for issue 14 (search relevance).

The expected codes below were chosen by reading the pages by hand. This script only
(1) turns each citation (file, snippet) into `file:line` by finding the snippet in the
page, failing loudly if it is not there, and (2) checks that every expected/acceptable
code is documented somewhere in the pages (a heading, a wallet-seed code line, or a
table-section heading). It never calls ErrorKB.

Run:  python3 build_queries.py [--shared /work/shared]
"""
import argparse
import json
import os
import re
import sys

FILES = {
    "S": "corpus/spot-errors.en.md",
    "SZ": "corpus/spot-errors.zh-CN.md",
    "U": "corpus/usds-margined-futures-error-code.en.md",
    "UZ": "corpus/usds-margined-futures-error-code.en+zh-CN.md",
    "W": "corpus/wallet-error-code.en+zh-CN.md",
    "WS": "seed-docs/binance-wallet-error-code.zh-CN.txt",
    "C": "seed-docs/binance-coin-margined-futures-error-code.en.md",
    "O": "corpus/options-error-code.en.md",
    "PM": "corpus/portfolio-margin-error-code.en.md",
    "PMP": "corpus/portfolio-margin-pro-error-code.en.md",
    "CL": "corpus/crypto-loan-error-code.en.md",
}
# The bilingual files hold the Chinese page after this line; "UZ"/"W" cites marked
# zh=True search only after it.
ZH_START = {"UZ": "# 错误代码", "W": "# 错误代码"}

# Spot's order-rejection table is headed "Messages for -1010 ERROR_MSG_RECEIVED, -2010
# NEW_ORDER_REJECTED, -2011 CANCEL_REJECTED, and -2038 ORDER_AMEND_REJECTED" (S:367);
# the wallet and PM-Pro pages list -1010/-2010/-2011 above the same table. Any of these
# codes is a right first answer for a row of that table (see README "Rules").
FAM = [-1010, -2010, -2011, -2038]

EN, ZH = "en", "zh"


def Q(query, lang, kind, expected, acceptable, cites, why, **extra):
    d = dict(query=query, lang=lang, kind=kind, expected=expected,
             acceptable=[c for c in acceptable if c not in expected], _cites=cites, _why=why)
    d.update(extra)
    return d


# cites: list of (file key, snippet) or (file key, snippet, True) for the zh half.
QUERIES = [
    # ---------------- English: keywords ----------------
    Q("margin insufficient", EN, "keyword", [-2019], [-2027, -2028, -4169, -2018],
      [("U", "Margin is insufficient."), ("O", "Option margin is insufficient.")],
      "-2019 MARGIN_NOT_SUFFICIEN 'Margin is insufficient.'; options -2027 says the same for option margin",
      domain_hint="usds-margined-futures"),
    Q("timestamp outside recvWindow", EN, "keyword", [-1021], [-5028, -4188, -1131],
      [("S", "Timestamp for this request is outside of the recvWindow."), ("U", "outside of the ME recvWindow")],
      "-1021 'Timestamp for this request is outside of the recvWindow.' (all 8 products); -5028/-4188 say the same of the matching engine ('ME recvWindow') and contain every query word too",
      hard="-5028 (USD-M, PM) and -4188 (COIN-M) contain all three words; -1021 wins only on spread/phrase"),
    Q("recvWindow", EN, "keyword", [-1021, -1131], [-5028, -4188],
      [("S", "Timestamp for this request is outside of the recvWindow."), ("W", "recvWindow must be less than 60000")],
      "recvWindow appears in the messages of -1021 INVALID_TIMESTAMP and -1131 BAD_RECV_WINDOW ('recvWindow must be less than 60000'); both are right first"),
    Q("LOT_SIZE", EN, "name", [-1013], FAM + [-4023],
      [("S", "Potential error messages can be found in [Filter Failures]"), ("S", '"Filter failure: LOT_SIZE"')],
      "table row 'Filter failure: LOT_SIZE' has no code in its row; the spot -1013 INVALID_MESSAGE entry points to the Filter failures table, so the row's code is -1013",
      table_row=True),
    Q("lot size", EN, "name", [-1013], FAM + [-4023],
      [("S", '"Filter failure: LOT_SIZE"'), ("S", "Potential error messages can be found in [Filter Failures]")],
      "filter name typed lower case with a space; same row as LOT_SIZE, returned under -1013", table_row=True),
    Q("PRICE_FILTER", EN, "name", [-1013], [-4014, -4013, -4002],
      [("S", '"Filter failure: PRICE_FILTER"'), ("S", "Potential error messages can be found in [Filter Failures]")],
      "filter-failure table row (no code in row) returned under -1013 INVALID_MESSAGE", table_row=True),
    Q("MIN_NOTIONAL", EN, "name", [-4164, -4178], [-1013, -5029, -20204],
      [("U", "### \\-4164 MIN\\_NOTIONAL"), ("C", "#### \\-4178 MIN\\_NOTIONAL")],
      "exact entry name MIN_NOTIONAL: -4164 (USD-M, PM) and -4178 (COIN-M); the spot filter row 'Filter failure: MIN_NOTIONAL' (-1013) is a message match, ranked after a name match"),
    Q("min notional", EN, "name", [-4164, -4178], [-1013, -5029, -20204],
      [("U", "### \\-4164 MIN\\_NOTIONAL"), ("C", "#### \\-4178 MIN\\_NOTIONAL")],
      "error name typed lower case with a space; same answer as MIN_NOTIONAL"),
    Q("notional", EN, "keyword", [-4164, -4178, -1013], [-5029, -20204, -4085],
      [("U", "Order's notional must be no smaller than 5.0"), ("S", '"Filter failure: NOTIONAL"')],
      "notional: -4164/-4178 MIN_NOTIONAL (name and message), and spot filter row 'Filter failure: NOTIONAL' (-1013) whose filter name is the query itself"),
    Q("too many orders", EN, "keyword", [-1015], [-2025, -1013, -20198, -6050, -4045],
      [("S", "### -1015 TOO_MANY_ORDERS"), ("S", "Too many new orders; current limit is %s orders per %s.")],
      "-1015 TOO_MANY_ORDERS 'Too many new orders' (all 8 products); the issue says its copies must not fill the top 5"),
    Q("rate limit", EN, "synonym", [-1003], [-1008, -1015, -6009, -12014, -4005, -1034],
      [("S", "Too much request weight used; current limit is %s request weight per %s.")],
      "'rate' occurs nowhere in the pages; a rate limit is -1003 TOO_MANY_REQUESTS ('Too much request weight used; current limit is ...')",
      synonym=True),
    Q("ip banned", EN, "keyword", [-1003], [-1008],
      [("S", "Way too much request weight used; IP banned until %s."), ("O", "IP banned until %s")],
      "'IP banned until %s' is a -1003 message (spot, futures, PM, wallet); options documents the same message under -1008 TOO_MANY_REQUESTS (acceptable)"),
    Q("banned", EN, "keyword", [-1003], [-1008, -3022, -3014, -3012, -3018, -3019],
      [("S", "IP banned until %s"), ("W", "You account's trading is banned.")],
      "brief lists 'banned' -> -1003 (IP banned); the word is also in five wallet margin entries (-3012/-3014/-3018/-3019/-3022 '... is banned'), which are fine in the top 3",
      hard="six entries contain 'banned'; -1003 is documented in 7 of the 8 products (all but options)"),
    Q("ip ban", EN, "synonym", [-1003], [-1008, -1011, -5009],
      [("S", "IP banned until %s")],
      "'ban' is a token only in names like ACCOUNT_BAN_TRADE/ASSET_ADMIN_BAN_BORROW; the user means the IP ban of -1003 ('IP banned until %s')",
      synonym=True, hard="plain token match ranks -3022 ACCOUNT_BAN_TRADE / -3014 ACCOUNT_BAN_BORROW first"),
    Q("invalid symbol", EN, "keyword", [-1121], [-20121, -1122, -4140, -1110],
      [("S", "### -1121 BAD_SYMBOL"), ("W", "### -20121")],
      "-1121 BAD_SYMBOL 'Invalid symbol.' is the exact message; -20121 (algo) has the same message, -1122 'Invalid symbolStatus.' is the issue's wrong first answer",
      hard="-20121's NAME is 'Invalid symbol' in the wallet zh page and seed (WS:395), so 'name match first' puts the algo code above -1121"),
    Q("bad symbol", EN, "name", [-1121], [-20121, -1122],
      [("S", "### -1121 BAD_SYMBOL")], "error name BAD_SYMBOL typed lower case with a space"),
    Q("too many requests", EN, "name", [-1003, -1008, -12014], [-4005, -5041, -6009],
      [("S", "### -1003 TOO_MANY_REQUESTS"), ("O", "### \\-1008 TOO\\_MANY\\_REQUESTS"), ("W", "### -12014 TOO MANY REQUESTS")],
      "exact name TOO_MANY_REQUESTS: -1003 in 7 of the 8 products, but options names -1008 so and the wallet page names -12014 'TOO MANY REQUESTS'; all three are name matches"),
    Q("signature not valid", EN, "keyword", [-1022], [],
      [("S", "Signature for this request is not valid.")], "-1022 INVALID_SIGNATURE 'Signature for this request is not valid.'"),
    Q("Signature for this request is not valid.", EN, "sentence", [-1022], [],
      [("S", "Signature for this request is not valid.")], "the whole -1022 message pasted"),
    Q("api key permission", EN, "keyword", [-2015], [-2014, -1002, -4056, -4057, -2017, -6003],
      [("S", "Invalid API-key, IP, or permissions for action.")],
      "-2015 REJECTED_MBX_KEY 'Invalid API-key, IP, or permissions for action.' ('permission' vs 'permissions')"),
    Q("reduce only rejected", EN, "keyword", [-2022, -6045], [-4118, -4112, -6056, -2026, -4062],
      [("U", "ReduceOnly Order is rejected."), ("O", "Reduce-only order rejected.")],
      "-2022 REDUCE_ONLY_REJECT 'ReduceOnly Order is rejected.' (USD-M, COIN-M, PM); options -6045 REDUCE_ONLY_REJECT 'Reduce-only order rejected.' is the same meaning",
      domain_hint="usds-margined-futures",
      hard="'ReduceOnly' is one token in -2022's message; spot -2022 means 'Order cancel-replace failed.' (same code, other meaning)"),
    Q("Balance is insufficient.", EN, "sentence", [-2018], [-4050, -4051, -3041, -6012, -2019],
      [("U", "Balance is insufficient.")], "-2018 BALANCE_NOT_SUFFICIENT message (USD-M, COIN-M, PM, options)"),
    Q("insufficient balance", EN, "keyword", FAM + [-2018, -4026, -5002], [-3041, -6012, -4050, -4051, -2019, -2028],
      [("S", '"Account has insufficient balance for requested action."'), ("W", "You have insufficient balance."), ("U", "Balance is insufficient.")],
      "both words: order-rejection row 'Account has insufficient balance for requested action.' (-1010/-2010/-2011/-2038), wallet -4026/-5002 'You have insufficient balance.', futures -2018 'Balance is insufficient.'"),
    Q("Account has insufficient balance for requested action.", EN, "sentence", FAM, [-2018, -4026, -5002],
      [("S", '"Account has insufficient balance for requested action."'), ("S", "## Messages for -1010 ERROR_MSG_RECEIVED")],
      "order-rejection table row; the section heading names -1010, -2010, -2011, -2038", table_row=True),
    Q("Duplicate order sent.", EN, "sentence", FAM, [-4116, -6044],
      [("S", '"Duplicate order sent."'), ("S", "## Messages for -1010 ERROR_MSG_RECEIVED")],
      "order-rejection table row 'The clOrdId is already in use.'; returned with -2010 on a new order (any code of the heading is right)",
      table_row=True),
    Q("duplicate order", EN, "keyword", FAM, [-4116, -6044, -20132],
      [("S", '"Duplicate order sent."')],
      "the issue's example: the row 'Duplicate order sent.' must show its codes; futures -4116 'clientOrderId is duplicated' is fine in the top 3",
      table_row=True),
    Q("Market is closed.", EN, "sentence", FAM, [-4141, -6049],
      [("S", '"Market is closed."')], "order-rejection table row 'The symbol is not trading.'", table_row=True),
    Q("Filter failure: LOT_SIZE", EN, "sentence", [-1013], FAM,
      [("S", '"Filter failure: LOT_SIZE"'), ("S", "Potential error messages can be found in [Filter Failures]")],
      "exact runtime message of the LOT_SIZE filter row, returned under -1013", table_row=True),
    Q("PERCENT_PRICE", EN, "name", [-1013, -4131, -4113], [],
      [("S", '"Filter failure: PERCENT_PRICE"'), ("U", "does not meet the PERCENT\\_PRICE filter limit")],
      "filter row 'Filter failure: PERCENT_PRICE' (-1013) and -4131 (USD-M, PM) / -4113 (COIN-M) MARKET_ORDER_REJECT 'does not meet the PERCENT_PRICE filter limit'"),
    Q("Order would immediately trigger.", EN, "sentence", [-2021], FAM + [-4142],
      [("U", "Order would immediately trigger."), ("S", '"Order would trigger immediately."')],
      "-2021 ORDER_WOULD_IMMEDIATELY_TRIGGER (USD-M, COIN-M, PM); spot's row 'Order would trigger immediately.' (other word order) is the same meaning under -2010",
      domain_hint="usds-margined-futures",
      hard="spot -2021 means 'Order cancel-replace partially failed' (S:417): same code, other meaning"),
    Q("precision", EN, "keyword", [-1111], [-4029, -4030, -6039],
      [("S", "Parameter '%s' has too much precision."), ("U", "Precision is over the maximum defined for this asset.")],
      "-1111 BAD_PRECISION (name and message); -4029/-4030 'Tick/Step size precision is invalid.' are exchange-config errors"),
    Q("leverage", EN, "keyword", [-4028, -2027, -2028],
      [-4161, -4150, -4202, -4203, -4205, -4206, -4208, -4209, -4403, -4194, -4195, -4200, -4201],
      [("U", "### \\-4028 INVALID\\_LEVERAGE"), ("U", "Exceeded the maximum allowable position at current leverage.")],
      "-4028 INVALID_LEVERAGE and -2027/-2028 MAX/MIN_LEVERAGE_RATIO have leverage in name and message; the many ADJUST_LEVERAGE_* codes are fine in the top 3"),
    Q("position side", EN, "keyword", [-4061, -4060, -4059], [-4067, -4068, -4220],
      [("U", "Order's position side does not match user's setting."), ("U", "Invalid position side.")],
      "names POSITION_SIDE_NOT_MATCH / INVALID_POSITION_SIDE / NO_NEED_TO_CHANGE_POSITION_SIDE"),
    Q("Unknown order sent.", EN, "sentence", FAM, [-2013],
      [("S", '"Unknown order sent."'), ("U", 'Cancel request failure as open order not found in the orderbook: "Unknown order sent".')],
      "order-rejection row; USD-M also quotes it as a -2011 CANCEL_REJECTED message", table_row=True),
    Q("order does not exist", EN, "keyword", [-2013, -10021], FAM + [-4029],
      [("S", "Order does not exist."), ("W", "### -10021 ORDER_NOT_EXIST")],
      "-2013 NO_SUCH_ORDER and crypto-loan -10021 ORDER_NOT_EXIST both say 'Order does not exist.'"),
    Q("Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.", EN, "sentence", [-1102], [-1105],
      [("S", "Mandatory parameter '%s' was not sent, was empty/null, or malformed.")],
      "-1102 template with %s filled in by the server"),
    Q("Way too much request weight used; IP banned until 1700000000000. Please use WebSocket Streams for live updates to avoid bans.",
      EN, "sentence", [-1003], [-1008],
      [("S", "Way too much request weight used; IP banned until %s.")], "-1003 template with the timestamp filled in"),
    Q("Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.", EN, "punctuation", [-1100], [],
      [("S", "Illegal characters found in parameter '%s'; legal range is '%s'.")],
      "-1100 ILLEGAL_CHARS template filled with a regex full of FTS5 syntax characters (^ [ ] { } $ - . ')"),
    Q('"Signature for this request is not valid."', EN, "punctuation", [-1022], [],
      [("S", "Signature for this request is not valid.")], "the -1022 message pasted with its JSON quotes"),
    Q("error: Invalid symbol", EN, "punctuation", [-1121], [-20121, -1122],
      [("S", "### -1121 BAD_SYMBOL")], "log prefix 'error:' (a colon is FTS5 column-filter syntax) before the -1121 message"),
    Q('{"code":-1121,"msg":"Invalid symbol."}', EN, "punctuation", [-1121], [-20121],
      [("S", '"code": -1121,'), ("S", "### -1121 BAD_SYMBOL")], "a whole error payload pasted into search (the pages' own example payload)"),
    Q("APIError(code=-2019): Margin is insufficient.", EN, "punctuation", [-2019], [-2027],
      [("U", "Margin is insufficient.")], "python-binance exception text (issue 13's format list) pasted into search"),
    Q("Price * QTY is zero or less.", EN, "punctuation", FAM, [],
      [("S", '"Price * QTY is zero or less."')],
      "order-rejection row whose own text holds '*' (FTS5 prefix operator) and 'or'", table_row=True),
    Q("Order's notional must be no smaller than 20 (unless you choose reduce only)", EN, "sentence", [-4164, -4178], [-5029],
      [("U", "Order's notional must be no smaller than %s (unless you choose reduce only)"),
       ("C", "Order's notional must be no smaller than %s (unless you choose reduce only)")],
      "MIN_NOTIONAL template filled in: -4164 in USD-M/PM, -4178 in COIN-M (same text, code depends on product)"),
    # ---------------- English: codes ----------------
    Q("-1121", EN, "code", [-1121], [],
      [("S", "### -1121 BAD_SYMBOL")], "a code: that entry comes first (issue 14: 'as today for codes')"),
    Q("1121", EN, "code", [-1121], [],
      [("S", "### -1121 BAD_SYMBOL")],
      "code typed without its minus; no positive 1121 exists, so a good tool reads it as -1121",
      good_tool="treat a bare number as a code when only its negative is documented"),
    Q("-4001", EN, "code", [-4001], [],
      [("W", "### -4001 CAPITAL_INVALID"), ("U", "### \\-4001 PRICE\\_LESS\\_THAN\\_ZERO")],
      "-4001 means CAPITAL_INVALID (wallet) and PRICE_LESS_THAN_ZERO (futures, options); both are -4001"),
    Q("51006", EN, "code", [51006], [-3006],
      [("PM", "### 51006 EXCEED\\_MAX\\_BORROWABLE")], "one of PM's ten POSITIVE codes; -3006 has the same name"),
    # ---------------- English: synonyms ----------------
    Q("client order id too long", EN, "synonym", [-4015], [-4070, -4114, -4110, -1118, -2039],
      [("U", "Client order id length should not be more than 36 chars")],
      "'too long' is not in the pages; -4015 INVALID_CL_ORD_ID_LEN 'Client order id length should not be more than 36 chars'",
      synonym=True),
    Q("ip not whitelisted", EN, "synonym", [-2015, -1011], [-1005, -1004],
      [("S", "Invalid API-key, IP, or permissions for action."), ("U", "This IP cannot access this route.")],
      "'whitelisted' is not in the pages; a request from an IP outside the key's list fails with -2015 (spot/wallet) or -1011 NON_WHITE_LIST (futures); -1005 'No such IP has been white listed' is about editing the list",
      synonym=True),
    Q("clock out of sync", EN, "synonym", [-1021], [-5028, -4188],
      [("S", "Timestamp for this request was 1000ms ahead of the server's time.")],
      "no query word is in the pages; a client clock off from the server's gives -1021 INVALID_TIMESTAMP",
      synonym=True),
    Q("quantity too small", EN, "synonym", [-4004], [-1013, -20195, -4003, -18006, -13006],
      [("U", "Quantity less than min quantity.")],
      "-4004 QTY_LESS_THAN_MIN_QTY 'Quantity less than min quantity.' ('too small' is not in its text; -20195 'The total size is too small' is algo only)",
      synonym=True, hard="'small' occurs in -20195/-18006/-13006 but not in -4004"),
    Q("server busy", EN, "name", [-1004, -1008, -3044], [51998],
      [("W", "### -1004 SERVER_BUSY"), ("S", "### -1008 SERVER_BUSY"), ("W", "### -3044 SYSTEM_BUSY")],
      "name SERVER_BUSY: -1004 (wallet, PM-Pro, crypto-loan) and -1008 (spot, wallet); -3044 SYSTEM_BUSY 'System busy.'",
      hard="-1004 is DUPLICATE_IP in futures and -1008 is 'Request Throttled' in futures: same codes, other meanings"),
    # ---------------- English: misspellings ----------------
    Q("MARGIN_NOT_SUFFICIENT", EN, "misspelling", [-2019], [-2027],
      [("U", "### \\-2019 MARGIN\\_NOT\\_SUFFICIEN"), ("O", "### \\-2027 OPTION\\_MARGIN\\_NOT\\_SUFFICIENT")],
      "the docs spell -2019's name MARGIN_NOT_SUFFICIEN (no T); options -2027 OPTION_MARGIN_NOT_SUFFICIENT contains the user's spelling exactly",
      misspelling=True,
      good_tool="match names by prefix/fuzzy so SUFFICIENT finds SUFFICIEN; plain tokens put -2027 first"),
    Q("PRICE_HIGHER_THAN_MULTIPLIER_UP", EN, "misspelling", [-4016], [-4183, -4151, -4210, -4154, -4024],
      [("U", "### \\-4016 PRICE\\_HIGHTER\\_THAN\\_MULTIPLIER\\_UP")],
      "the docs spell the name PRICE_HIGHTER_...; the user types HIGHER",
      misspelling=True, good_tool="fuzzy name match (HIGHER~HIGHTER) or match on the other name words"),
    Q("insufficent balance", EN, "misspelling", FAM + [-2018, -4026, -5002], [-3041, -6012, -4050, -4051, -2019, -2028],
      [("W", "You have insufficient balance.")],
      "typo of 'insufficient balance'; same answers",
      misspelling=True, good_tool="correct the typo, or at least rank rows matching the other word 'balance'"),
    Q("api key permisson", EN, "misspelling", [-2015], [-2014, -1002, -4056, -4057, -2017, -6003],
      [("S", "Invalid API-key, IP, or permissions for action.")],
      "typo of 'permission'; same answer as 'api key permission'",
      misspelling=True, good_tool="correct the typo, or rank rows matching 'api key' with -2015 first"),
    # ---------------- English: more keywords ----------------
    Q("cancel replace", EN, "keyword", [-2021, -2022], FAM,
      [("S", "### -2021 Order cancel-replace partially failed"), ("S", "### -2022 Order cancel-replace failed.")],
      "spot -2021/-2022 'Order cancel-replace (partially) failed'", domain_hint="spot",
      hard="futures -2021/-2022 mean ORDER_WOULD_IMMEDIATELY_TRIGGER / REDUCE_ONLY_REJECT"),
    Q("margin type", EN, "keyword", [-4046, -4047, -4048], [-4168, -4167],
      [("U", "No need to change margin type."), ("U", "Margin type cannot be changed if there exists open orders.")],
      "-4046/-4047/-4048 messages are about margin type"),
    Q("listen key", EN, "keyword", [-1125, -3038], [],
      [("S", "This listenKey does not exist."), ("W", "Listen key not found.")],
      "-1125 INVALID_LISTEN_KEY 'This listenKey does not exist.' (one token 'listenKey'!) and -3038 LISTEN_KEY_NOT_FOUND 'Listen key not found.'",
      hard="'listenKey' is one token in -1125's message; only its name INVALID_LISTEN_KEY splits into listen/key"),
    Q("2FA", EN, "keyword", [-3001, -4013], [-4017],
      [("W", "Please enable 2FA first."), ("W", "2FA is not opened.")],
      "-3001 NEED_ENABLE_2FA and -4013 CAPITAL_WITHDRAW_2FA_VERIFY; a digit-letter token"),

    # ---------------- Chinese ----------------
    Q("时间戳", ZH, "zh-multi", [-1021], [-5028, -5029],
      [("UZ", "此请求的时间戳在recvWindow之外。", True), ("SZ", "服务器根据接请求中的时间戳判定耗时已经超出了recevWindow")],
      "-1021 zh: '此请求的时间戳在recvWindow之外' (futures, wallet) and spot zh (note spot spells it 'recevWindow')",
      hard="-5029's zh text is a copy of -5028's ('请求的时间戳在撮合的recvWindow之外', UZ:2703), so -5029 also matches"),
    Q("时间同步", ZH, "zh-multi", [-1021], [-5028],
      [("SZ", "### -1021 时间同步问题")], "spot zh names -1021 '时间同步问题' (a Chinese entry name)"),
    Q("签名", ZH, "zh-multi", [-1022], [],
      [("SZ", "### -1022 签名不正确"), ("UZ", "此请求的签名无效。", True)], "-1022 zh name '签名不正确' and message '此请求的签名无效'"),
    Q("签", ZH, "zh-single", [-1022], [-13007],
      [("UZ", "此请求的签名无效。", True), ("W", "没有签署开通交易协议", True)],
      "one character: 签 is in -1022's 签名 and -13007's 签署; -1022 is documented in 4 places"),
    Q("余额不足", ZH, "zh-multi", [-2018, -3041, -6012], [-4026, -5002, -4050, -4051, -2019, -2028],
      [("UZ", "  * 余额不足", True), ("W", "  * 余额不足", True), ("W", "  * 余额不足。", True)],
      "the whole message is '余额不足' for -2018 (USD-M zh), -3041 and -6012 (wallet zh); others contain it (此资产余额不足, 全仓余额不足, ...)",
      hard="issue 14: MATCH '余额不足' returns 0 rows outside kb"),
    Q("余额不足？", ZH, "punctuation", [-2018, -3041, -6012], [-4026, -5002, -4050, -4051, -2019, -2028],
      [("UZ", "  * 余额不足", True)], "full-width question mark pasted after the query; same answers as 余额不足"),
    Q("余额", ZH, "zh-multi", [-2018, -3041, -6012, -4026, -5002, -4050, -4051], [-2019, -2028, -4044, -5004, -5005],
      [("UZ", "  * 余额不足", True), ("W", "此资产余额不足。", True)],
      "two characters (a bigram); every 'X余额不足' entry is right, 余额类型/剩余余额 are fine"),
    Q("余", ZH, "zh-single", [-2018, -3041, -6012, -4026, -5002, -4050, -4051], [-2019, -2028, -4044, -5004, -5005],
      [("UZ", "  * 余额不足", True)], "one character: SQLite trigram cannot match it; kb must"),
    Q("杠", ZH, "zh-single", [-4028, -2027, -2028, -4161, -4202, -4203, -4205, -4206, -4208, -4209, -4403], [-2019, -3023],
      [("UZ", "杠杆倍数不正确", True)],
      "one character of 杠杆; same answers as 杠杆 (its only word in the pages)"),
    Q("IP 被封禁", ZH, "synonym", [-1003], [-3022],
      [("SZ", "请求权重过多； IP被禁止，直到％s。")],
      "the pages say 'IP被禁止' / '以免被禁', never 封禁; the user means the -1003 IP ban", synonym=True),
    Q("IP被禁止", ZH, "zh-multi", [-1003], [-3022],
      [("SZ", "请求权重过多； IP被禁止，直到％s。"), ("UZ", "IP被禁止，直到％s", True)],
      "literal -1003 zh message fragment; Latin and CJK with no space between"),
    Q("精度", ZH, "zh-multi", [-1111], [-4029, -4008, -4014],
      [("SZ", "### -1111 精度过高"), ("UZ", "精度超过为此资产定义的最大值。", True)],
      "-1111 BAD_PRECISION zh name '精度过高' and message; 价格精度 (-4008/-4014/-4029) are tick-size config"),
    Q("止损价", ZH, "zh-multi", FAM + [-2021], [-4006, -4007, -4210, -4211, -4142],
      [("W", "与最后交易价格相比，订单的止损价无效。", True)],
      "止损价 occurs only in the wallet zh order-rejection row 'Order would trigger immediately.' (订单的止损价无效, codes -1010/-2010/-2011); futures -2021 is that meaning; futures zh says 触发价 for stop price",
      table_row=True, hard="only one literal row, and it carries no code of its own"),
    Q("杠杆", ZH, "zh-multi", [-4028, -2027, -2028, -4161, -4202, -4203, -4205, -4206, -4208, -4209, -4403], [-2019, -3023],
      [("UZ", "杠杆倍数不正确", True), ("UZ", "挂单或持仓超出当前初始杠杆下的最大值", True)],
      "leverage errors (futures zh); 杠杆 also means 'margin' (杠杆账户 -3003/-3021/...) and 杠杆代币 = BLVT (-13000...), which are wrong first answers",
      hard="about 20 wallet rows say 杠杆账户 (margin account) or 杠杆代币 (leveraged token)"),
    Q("杠杆倍数", ZH, "zh-multi", [-4028], [-3023, -4209, -2027],
      [("UZ", "杠杆倍数不正确", True), ("W", "无法在当前杠杆倍数下转出资金或者下单", True)],
      "-4028 INVALID_LEVERAGE zh '杠杆倍数不正确'; -3023 (margin level) also says 杠杆倍数"),
    Q("持仓模式", ZH, "synonym", [-4059, -4061, -4067, -4068, -4060], [-4046, -4047, -4048, -4220],
      [("UZ", "订单的持仓方向和用户设置不一致。", True), ("UZ", "如果有挂单，无法修改仓位方向。", True)],
      "持仓模式 (hedge/one-way position mode) is not in the pages; the docs say 仓位方向/持仓方向 (position side); their 仓位模式 (-4046..-4048) translates 'margin type'",
      synonym=True, hard="'仓位模式' is margin type, not position mode"),
    Q("下单数量", ZH, "zh-multi", [-20195, -20196], [-4077, -4004, -4005, -1013],
      [("W", "下单数量太小。", True), ("W", "下单数量太大。", True)],
      "literal in -20195/-20196 (algo 'The total size is too small/large')"),
    Q("无效的交易对", ZH, "zh-multi", [-1121], [-20121, -1122, -4140, -3028],
      [("SZ", "### -1121 无效的交易对"), ("UZ", "无效的交易对。", True)],
      "-1121 zh name/message '无效的交易对'; -1122/-4140 '无效的交易对状态' contain it too",
      hard="-1122 and -4140 contain the whole query plus 状态"),
    Q("交易对状态", ZH, "zh-multi", [-1122], [-4140, -1220, -5024],
      [("SZ", "### -1122 无效的交易对状态"), ("UZ", "交易对状态不正确。", True)], "-1122 INVALID_SYMBOL_STATUS zh"),
    Q("请求过多", ZH, "zh-multi", [-1003], [-1008, -4005, -6009],
      [("SZ", "### -1003 请求过多"), ("W", "排队的请求过多。", True)],
      "-1003 zh name '请求过多' (spot) and '排队的请求过多' (wallet); futures -1008 says '服务器当前请求过多'"),
    Q("请求太频繁", ZH, "zh-multi", [-4005, -6009], [-1003, -12014],
      [("W", "  * 请求太频繁。", True), ("W", "发送请求太频繁。", True)],
      "-4005 '请求太频繁' and -6009 '发送请求太频繁' (wallet zh)"),
    Q("限频", ZH, "synonym", [-1003], [-1015, -4005, -6009, -12014, -1008],
      [("SZ", "请求权重过多； 当前限制是 %s 每 %s 的请求权重。")],
      "Chinese shorthand for rate limit; neither bigram is in the pages", synonym=True),
    Q("订单太多", ZH, "zh-multi", [-1015], [-2025, -20198],
      [("SZ", "### -1015 订单太多"), ("UZ", "  * 新订单太多。", True)], "-1015 zh name '订单太多' and '新订单太多'"),
    Q("保证金不足", ZH, "synonym", [-2019], [-4169, -4118, -2028, -2027],
      [("UZ", "杠杆账户余额不足", True), ("UZ", "保证金不足无法切换多资产模式", True)],
      "the user means 'Margin is insufficient' (-2019), whose zh text is '杠杆账户余额不足'; 保证金不足 literally occurs only in -4169 and -4118's long note",
      synonym=True, hard="the literal match (-4169) is not what the user means"),
    Q("仅减仓", ZH, "zh-multi", [-2022, -4062, -4087, -4118], [-4400, -4401, -4164, -4020],
      [("UZ", "仅减仓的设置不正确。", True), ("UZ", "用户只能下仅减仓订单", True)],
      "reduce-only in futures zh: -4062, -4087, -4118 messages and -2022's note 「仅减仓（reduce-only）」"),
    Q("订单不存在", ZH, "zh-multi", [-2013, -10021], [-2011],
      [("UZ", "  * 订单不存在。", True), ("W", "  * 订单不存在", True)],
      "-2013 NO_SUCH_ORDER zh and crypto-loan -10021 zh are both '订单不存在'"),
    Q("缺少参数", ZH, "zh-multi", [-1102], [-1105, -1224],
      [("SZ", "### -1102 缺少必须参数")],
      "spot zh names -1102 '缺少必须参数'; the query drops 必须, so the bigram 少参 is not in the text",
      hard="not a contiguous substring of the page"),
    Q("非法字符", ZH, "zh-multi", [-1100], [],
      [("SZ", "### -1100 非法字符"), ("UZ", "在参数中发现非法字符。", True)], "-1100 ILLEGAL_CHARS zh"),
    Q("止盈止损", ZH, "zh-multi", [-4142, -4183, -4184], [-4045, -1013, -1196, -1197, -1198, -1199, -2021],
      [("UZ", "拒绝：止盈止损单将立即被触发", True), ("UZ", "止盈止损订单价格不应高于触发价与报价乘数上限的乘积", True)],
      "literal in -4142 and -4183/-4184 futures zh",
      hard="-4183's name differs between the en and zh halves of the USD-M file"),
    Q("无效的API密钥", ZH, "zh-multi", [-2015], [-2014, -4056, -4057],
      [("UZ", "无效的API密钥，IP或操作权限。", True)], "-2015 zh message; Latin 'API' inside a CJK word"),
    Q("冷静期", ZH, "zh-multi", [-4192], [],
      [("UZ", "合约冷静期禁止开仓", True)], "-4192 COOLING_OFF_PERIOD zh; a 3-character word found only once"),
    Q("名义价值", ZH, "zh-multi", [-4164, -20204], [-4178, -1013],
      [("UZ", "订单的名义价值不可以小于5", True), ("W", "订单小于最小USD名义价值", True)],
      "only two zh entries say 名义价值, both 'order notional below the minimum': -4164 MIN_NOTIONAL '订单的名义价值不可以小于...' and -20204 '订单小于最小USD名义价值' (algo)"),
    Q("服务器繁忙", ZH, "synonym", [-1004, -1008, -3044], [51998],
      [("W", "服务器正忙，请稍候再试。", True), ("W", "  * 系统繁忙。", True), ("SZ", "现货交易服务器当前因其他请求而过载。")],
      "the pages say 服务器正忙 (-1004), 服务器...过载 (-1008) and 系统繁忙 (-3044); 服务器繁忙 itself is nowhere",
      synonym=True),
    Q("无效的 symbol", ZH, "mixed", [-1121], [-20121, -1122],
      [("SZ", "### -1121 无效的交易对"), ("S", "### -1121 BAD_SYMBOL")],
      "Chinese + English as Chinese developers type; zh pages say 交易对, en pages 'Invalid symbol'"),
    Q("recvWindow 必须小于 60000", ZH, "mixed", [-1131], [-1021],
      [("W", "`recvWindow` 必须小于 60000", True)], "-1131 BAD_RECV_WINDOW wallet zh message, pasted"),
    Q("订单被拒绝", ZH, "zh-multi", [-2010, -2011], [-2022, -5021, -5022, -1158, -2038, -1010],
      [("SZ", "### -2010 新订单被拒绝"), ("UZ", "  * 新订单被拒绝", True)],
      "-2010 新订单被拒绝 / -2011 撤销(取消)订单被拒绝; FOK/Post Only/ReduceOnly订单被拒绝 are fine"),
    Q("提现地址", ZH, "synonym", [-4033], [-4035, -4007, -4034, -4042, -1113],
      [("W", "提款地址不合法。", True)],
      "the wallet zh page says 提款 (withdraw), not 提现; -4033 CAPITAL_WITHDRAW_ILLEGAL_ADDRESS '提款地址不合法'",
      synonym=True),
    Q("IP 白名单", ZH, "zh-multi", [-1004, -1005], [-2015, -4035, -1011],
      [("UZ", "IP地址已经在白名单", True), ("UZ", "白名单上没有此IP地址", True)],
      "futures -1004 DUPLICATE_IP 'IP地址已经在白名单' and -1005 NO_SUCH_IP",
      domain_hint="usds-margined-futures", hard="wallet -1004 is SERVER_BUSY"),
    Q("开始时间", ZH, "zh-multi", [-1023, -1127], [],
      [("UZ", "参数里面的开始时间在结束时间之后", True), ("UZ", "从开始时间到结束时间之间超过", True)],
      "-1023 START_TIME_GREATER_THAN_END_TIME and -1127 MORE_THAN_XX_HOURS zh"),
]

# ---------------- punctuation cases ----------------
# check: "codes"  -> an expected code in the top 3, no error
#        "same_as" -> top-3 code set equal to the base query's, no error
#        "no_error" -> any exit in allowed_exit, no SQL/FTS error text, no crash
#        "usage"    -> exit 2 (usage error), no rows
def P(query, lang, check, why, expected=None, acceptable=None, same_as=None, allowed_exit=None, role=None, cites=None,
      argv=None):
    d = dict(query=query, lang=lang, check=check, expected=expected or [], acceptable=acceptable or [],
             _cites=cites or [], _why=why)
    if argv is not None:
        d["argv"] = argv
    if same_as is not None:
        d["same_as"] = same_as
    if allowed_exit is not None:
        d["allowed_exit"] = allowed_exit
    if role:
        d["role"] = role
    return d


YUE = [-2018, -3041, -6012]
YUE_ACC = [-4026, -5002, -4050, -4051, -2019, -2028]
PUNCT = [
    # bases (plain queries the punctuated ones are compared with)
    P("symbol", EN, "no_error", "base for symbol, / \"symbol\": 'symbol' is in dozens of messages", role="base", allowed_exit=[0]),
    P("余额", ZH, "codes", "base for 余额？", expected=YUE + [-4026, -5002, -4050, -4051], acceptable=[-2019, -2028, -4044, -5004, -5005], role="base",
      cites=[("UZ", "  * 余额不足", True)]),
    P("余额不足", ZH, "codes", "base for （余额不足） etc.", expected=YUE, acceptable=YUE_ACC, role="base",
      cites=[("UZ", "  * 余额不足", True), ("W", "  * 余额不足。", True)]),
    P("签名", ZH, "codes", "base for 【签名】 and 签名,", expected=[-1022], role="base", cites=[("SZ", "### -1022 签名不正确")]),
    P("invalid symbol", EN, "codes", "base for invalid-symbol etc.", expected=[-1121], acceptable=[-20121, -1122], role="base",
      cites=[("S", "### -1121 BAD_SYMBOL")]),
    # the failing examples
    P("symbol,", EN, "same_as", "issue 14: a trailing comma emptied the result (Datasette finds 166 rows)", same_as="symbol"),
    P("余额？", ZH, "same_as", "issue 14: full-width question mark emptied the result", same_as="余额"),
    P('"symbol"', EN, "same_as", "issue 14: quotes around one word emptied the result", same_as="symbol"),
    P("invalid-symbol", EN, "codes", "issue 14: hyphen joins the words; split as the index does -> invalid symbol -> -1121",
      expected=[-1121], acceptable=[-20121, -1122], cites=[("S", "### -1121 BAD_SYMBOL")]),
    P("'error: Invalid symbol'", EN, "codes", "issue 14: single quotes + log prefix with ':' (FTS5 column syntax)",
      expected=[-1121], acceptable=[-20121, -1122], cites=[("S", "### -1121 BAD_SYMBOL")]),
    P("（余额不足）", ZH, "same_as", "full-width parentheses around a Chinese word", same_as="余额不足"),
    P("余额不足。", ZH, "same_as", "CJK full stop", same_as="余额不足"),
    P("“余额不足”", ZH, "same_as", "CJK curly quotes", same_as="余额不足"),
    P("【签名】", ZH, "same_as", "CJK lenticular brackets", same_as="签名"),
    P("签名,", ZH, "same_as", "ASCII comma after CJK", same_as="签名"),
    P("时间戳、recvWindow", ZH, "codes", "CJK enumeration comma between a Chinese and an English word -> -1021",
      expected=[-1021], acceptable=[-5028, -5029], cites=[("UZ", "此请求的时间戳在recvWindow之外。", True)]),
    P("Invalid symbol。", EN, "same_as", "English message ending in a CJK full stop (IME left on)", same_as="invalid symbol"),
    # placeholders and codes
    P("%s", EN, "no_error",
      "issue 14: '%s' must keep working; placeholders are in hundreds of messages (en '%s', zh often full-width '％s'); rows or exit 1 are both fine, an FTS error is not",
      allowed_exit=[0, 1], cites=[("S", "current limit is %s request weight per %s")]),
    P("{0}", EN, "codes",
      "issue 14: '{0}' must keep working; the {0} placeholder is in -4036, -4060, -10041, -10043 (wallet/PM-Pro/crypto-loan en)",
      expected=[-4036, -4060, -10041, -10043], acceptable=[-4001, -4054, -4073, -4075],
      cites=[("W", "The new address needs to be withdrawn in {0} hours."), ("W", "we have temporarily locked {0} asset")]),
    P("-1121", EN, "codes", "a code with ASCII minus", expected=[-1121], cites=[("S", "### -1121 BAD_SYMBOL")]),
    P("−1121", EN, "codes", "a code with U+2212 MINUS SIGN (pasted from a web page or PDF)", expected=[-1121],
      cites=[("S", "### -1121 BAD_SYMBOL")]),
    P("(-1121)", EN, "codes", "a code in parentheses", expected=[-1121], cites=[("S", "### -1121 BAD_SYMBOL")]),
    P("code=-2019", EN, "codes", "a code as a log key=value; '=' is not FTS syntax but '-' before a term is not either",
      expected=[-2019], cites=[("U", "### \\-2019 MARGIN\\_NOT\\_SUFFICIEN")]),
    # FTS5 syntax characters and keywords
    P("*", EN, "no_error", "bare FTS5 prefix operator: no SQL error, no crash", allowed_exit=[0, 1]),
    P('"', EN, "no_error", "one double quote (unterminated FTS5 string)", allowed_exit=[0, 1]),
    P("'", EN, "no_error", "one single quote", allowed_exit=[0, 1]),
    P(":", EN, "no_error", "bare column-filter colon", allowed_exit=[0, 1]),
    P("^", EN, "no_error", "bare FTS5 initial-token operator", allowed_exit=[0, 1]),
    P("AND", EN, "no_error", "FTS5 keyword alone; as text it is the word 'and' (e.g. -1127 '... between startTime and endTime.'); rows or exit 1, never a syntax error",
      allowed_exit=[0, 1], cites=[("S", "More than %s hours between startTime and endTime.")]),
    P("OR", EN, "no_error", "FTS5 keyword alone; as text the word 'or'", allowed_exit=[0, 1]),
    P("NOT", EN, "no_error", "FTS5 keyword alone; as text the word 'not'", allowed_exit=[0, 1]),
    P("NEAR", EN, "no_error", "FTS5 keyword alone; 'near' is in no page, so exit 1 (nothing matches) is right",
      allowed_exit=[0, 1]),
    P("invalid symbol OR", EN, "no_error",
      "a trailing OR is an FTS5 syntax error; as text it is the word 'or' (which -1121's message lacks), so rows or exit 1 are both fine, a syntax error is not",
      allowed_exit=[0, 1]),
    P("Signature for this request is NOT valid", EN, "codes",
      "upper-case NOT inside pasted text: as an operator it would exclude 'valid' and lose -1022",
      expected=[-1022], cites=[("S", "Signature for this request is not valid.")]),
    P("timestamp NEAR recvWindow", EN, "codes", "NEAR between words is text, not the NEAR operator",
      expected=[-1021], acceptable=[-5028, -4188], cites=[("S", "Timestamp for this request is outside of the recvWindow.")]),
    P("symbol: invalid", EN, "same_as", "'symbol:' would be an FTS5 column filter ('no such column: symbol')", same_as="invalid symbol"),
    P("^Invalid symbol$", EN, "same_as", "regex anchors pasted around a message", same_as="invalid symbol"),
    P("Invalid symbol*", EN, "codes", "trailing '*' (prefix query or plain text: either way -1121 first)",
      expected=[-1121], acceptable=[-20121, -1122, -1110], cites=[("S", "### -1121 BAD_SYMBOL")]),
    P('"Filter failure: LOT_SIZE"', EN, "codes", "a table row's message in JSON quotes, with ':' and '_'",
      expected=[-1013], acceptable=FAM, cites=[("S", '"Filter failure: LOT_SIZE"')]),
    P("Price * QTY is zero or less.", EN, "codes", "a documented message that itself holds '*' and 'or'",
      expected=FAM, cites=[("S", '"Price * QTY is zero or less."')]),
    P("Param 'symbol' or 'orderId' must be sent, but both were empty/null!", EN, "codes",
      "-1102 template filled, with quotes, '/', '!'", expected=[-1102], acceptable=[-1105],
      cites=[("S", "Param '%s' or '%s' must be sent, but both were empty/null!")]),
    P("Invalid API-key, IP, or permissions for action.", EN, "codes", "hyphenated word and commas",
      expected=[-2015], acceptable=[-2014], cites=[("S", "Invalid API-key, IP, or permissions for action.")]),
    # options typed wrong
    P("--domian wallet 余额", ZH, "usage",
      "issue 14: a mistyped option is a usage error (exit 2, with a suggestion), not a query; the runner passes the three words as separate argv items",
      allowed_exit=[2], argv=["--domian", "wallet", "余额"]),
]


def load(shared):
    pages = {}
    for k, rel in FILES.items():
        with open(os.path.join(shared, rel), encoding="utf-8") as f:
            pages[k] = f.read().split("\n")
    return pages


def cite(pages, key, snippet, zh=False):
    lines = pages[key]
    start = 0
    if zh:
        marker = ZH_START.get(key)
        if marker is None:
            raise SystemExit(f"no zh half marker for {key}")
        idx = [i for i, l in enumerate(lines) if l.startswith(marker)]
        if not idx:
            raise SystemExit(f"zh marker not found in {key}")
        start = idx[-1]
    for i in range(start, len(lines)):
        if snippet in lines[i]:
            return f"{FILES[key]}:{i + 1}"
    raise SystemExit(f"citation not found: {key} {'(zh) ' if zh else ''}{snippet!r}")


CODE_HEAD = re.compile(r"^\s*#{2,5}\s*\\?(-?\d{3,6})\b")
SEED_CODE = re.compile(r"^(-\d{3,6})\b")
SECTION_CODES = re.compile(r"(-\d{4})\s+[A-Z_]{5,}")


def documented_codes(pages):
    codes = set()
    for k, lines in pages.items():
        for l in lines:
            m = CODE_HEAD.match(l) or (SEED_CODE.match(l) if k == "WS" else None)
            if m:
                codes.add(int(m.group(1)))
            if l.startswith("## Messages for") or "`-1010 ERROR_MSG_RECEIVED`" in l or "`-2010" in l or "`-2011" in l:
                codes.update(int(c) for c in SECTION_CODES.findall(l.replace("`", "")))
    return codes


def finish(items, pages, known, prefix):
    out = []
    seen = set()
    for n, d in enumerate(items, 1):
        q = d["query"]
        if q in seen:
            raise SystemExit(f"duplicate query {q!r}")
        seen.add(q)
        for c in d["expected"] + d["acceptable"]:
            if c not in known:
                raise SystemExit(f"{q!r}: code {c} is not documented in the pages")
        where = [cite(pages, *c) for c in d.pop("_cites")]
        why = d.pop("_why")
        d["why"] = (" ; ".join(where) + " — " + why) if where else why
        d = {"id": f"{prefix}{n:03d}", **d}
        out.append(d)
    return out


KIND_ORDER = ["keyword", "name", "sentence", "punctuation", "code", "synonym", "misspelling", "mixed",
              "zh-single", "zh-multi"]


def md(s):
    return str(s).replace("|", "\\|")


def codes_md(cs):
    return ", ".join(str(c) for c in cs) if cs else "—"


def print_tables(qs, ps):
    for kind in KIND_ORDER:
        group = [d for d in qs if d["kind"] == kind]
        if not group:
            continue
        print(f"\n#### {kind} ({len(group)})\n")
        print("| id | query | lang | expected (right first) | acceptable in top 3 | notes |")
        print("|---|---|---|---|---|---|")
        for d in group:
            notes = []
            if d.get("synonym"):
                notes.append("synonym")
            if d.get("table_row"):
                notes.append("table row")
            if d.get("domain_hint"):
                notes.append("domain: " + d["domain_hint"])
            if d.get("hard"):
                notes.append("hard: " + d["hard"])
            if d.get("good_tool"):
                notes.append("good tool: " + d["good_tool"])
            print(f"| {d['id']} | `{md(d['query'])}` | {d['lang']} | {codes_md(d['expected'])} | "
                  f"{codes_md(d['acceptable'])} | {md('; '.join(notes))} |")
    print(f"\n#### punctuation_cases.jsonl ({len(ps)})\n")
    print("| id | query | check | a correct tool finds |")
    print("|---|---|---|---|")
    for d in ps:
        q = d["query"]
        shown = md(q) if q.strip() else repr(q)
        if d["check"] == "codes":
            want = f"{codes_md(d['expected'])} in the top 3"
        elif d["check"] == "same_as":
            want = f"same top 3 as `{md(d['same_as'])}`"
        elif d["check"] == "usage":
            want = "usage error, exit 2, no rows"
        else:
            want = "no error, no crash; exit " + "/".join(str(x) for x in d.get("allowed_exit", [0, 1]))
        role = " (base)" if d.get("role") == "base" else ""
        print(f"| {d['id']} | `{shown}`{role} | {d['check']} | {want} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="/work/shared")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--tables", action="store_true", help="also print the README's markdown tables on stdout")
    ap.add_argument("--readme", help="rewrite the tables between the markers in this README")
    a = ap.parse_args()
    pages = load(a.shared)
    known = documented_codes(pages)
    qs = finish([dict(x) for x in QUERIES], pages, known, "q")
    ps = finish([dict(x) for x in PUNCT], pages, known, "p")
    for d in ps:
        if "same_as" in d and d["same_as"] not in {p["query"] for p in ps}:
            raise SystemExit(f"same_as base missing: {d['same_as']!r}")
    with open(os.path.join(a.out, "queries.jsonl"), "w", encoding="utf-8") as f:
        for d in qs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "punctuation_cases.jsonl"), "w", encoding="utf-8") as f:
        for d in ps:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    if a.tables:
        print_tables(qs, ps)
    if a.readme:
        import contextlib
        import io
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            print_tables(qs, ps)
        text = open(a.readme, encoding="utf-8").read()
        begin, end = "<!-- tables:begin -->", "<!-- tables:end -->"
        if begin not in text or end not in text:
            raise SystemExit(f"{a.readme}: markers {begin} / {end} not found")
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        with open(a.readme, "w", encoding="utf-8") as f:
            f.write(head + begin + "\n" + buf.getvalue() + "\n" + end + tail)
    en = sum(1 for d in qs if d["lang"] == "en")
    print(f"queries: {len(qs)} ({en} en, {len(qs) - en} zh); punctuation cases: {len(ps)}; documented codes seen: {len(known)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
