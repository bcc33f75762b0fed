#!/usr/bin/env python3
"""Builds acceptance.jsonl: realistic error lines and noise with expected answers.

Every case below is written by hand with the code I expect (`expect`); the script then
asks kbref (which reads only docs_index.jsonl, i.e. the pages) for the same answer and
stops if the two disagree, so each expectation is checked twice: by hand from the pages and
by a script. Domains, evidence and notes come from kbref.

Fields of each line
  input       the text as a support engineer would paste it
  carries_code, carries_message   what the line itself holds (the evidence the answer may use)
  class       "error line" | "noise"
  kind        the fault kind of issue 13 this case exercises (see README.md)
  format      the client-library / log format (formats.py) or "bare", "noise", ...
  code        the expected code (int), or null (noise, no code, ambiguous, several codes)
  codes_allowed   codes an answer may name (table rows: every code the section names;
                  ambiguous: the candidates, all of which must be shown)
  domains     domains an answer may name ("*": not applicable)
  exact_domains   where the input's text is documented verbatim/as template
  ambiguous   true only for real conflicts (answer must say ambiguous, not pick one)
  undocumented    true: the code is in no indexed page (answer keeps it, says undocumented)
  match       exact | template | near | code-only | undocumented | none (how the text matched)
  also_under  [code, domain] where the same text is documented under ANOTHER code (a note,
              never the answer)
  contested   true where a reasonable reading of issue 13 could expect otherwise (see note)
  note, evidence (file:line in /work/shared)
Usage: python3 make_acceptance.py [out.jsonl]
"""
import itertools, json, random, sys
from pathlib import Path
import kbref
from formats import FORMATS, body, ccxt_error

rng = random.Random(13)
OUT = []
EN_PREFIX = ["2024-05-01 12:00:00,123 ERROR order failed: ", "2024-05-01T12:00:07.481Z [ERROR] place_order: ",
             "[2024-05-02 03:14:15] bot.ERROR: cancel failed - ", "E0502 09:21:44.118734   2231 trader.go:88] ",
             "2024-05-03 18:40:02.553 | ERROR    | strategy:on_bar:142 - ", "WARNING:root:retry 2/5 after "]
ZH_PREFIX = ["开空仓失败: ", "下单失败：", "2024-05-01 12:00:00 [错误] 撤单失败, 原因: ", "平仓异常 -> ",
             "【告警】BTCUSDT 开多失败：", "2024-05-04 08:00:01 ERROR 调整杠杆失败 "]


def ctx(domain=None, status=400):
    return {"domain": domain, "status": status, "iso": "2024-05-0%dT%02d:%02d:%02d.%03dZ" % (
        rng.randint(1, 9), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)),
            "uuid": "%08x-%04x-4%03x-8%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                                      rng.getrandbits(12), rng.getrandbits(48))}


def add(text, code_in, msg_in, kind, fmt, expect, note="", cls="error line", contested=False, ambiguous=False,
        match_args=None):
    """One error case. code_in/msg_in: what the line carries. expect: my hand answer:
    an int code, None (no single code), or a tuple of acceptable codes (table rows)."""
    if code_in is not None and str(code_in) not in text and not match_args:
        raise SystemExit(f"case says the line carries {code_in} but it does not: {text!r}")
    ref = kbref.resolve(code_in, msg_in)
    got = ref["code"] if ref["code"] is not None else (tuple(ref["codes"]) or None)
    want = tuple(sorted(expect)) if isinstance(expect, tuple) else expect
    if isinstance(got, tuple):
        got = tuple(sorted(got))
    if got != want or bool(ref["ambiguous"]) != ambiguous:
        raise SystemExit(f"hand answer {want} (ambiguous={ambiguous}) != pages {got} "
                         f"(ambiguous={ref['ambiguous']}) for {text!r}")
    OUT.append(dict(input=text, **{"class": cls}, kind=kind, format=fmt, carries_code=code_in, carries_message=msg_in,
                    code=ref["code"] if not ref["ambiguous"] or code_in is not None else None,
                    codes_allowed=ref["codes"], domains=ref["domains"] or ["*"],
                    exact_domains=ref["exact_domains"], ambiguous=ref["ambiguous"],
                    undocumented=ref["undocumented"], match=ref["match"],
                    also_under=[list(x) for x in ref["also_under"]], contested=contested,
                    note=note, evidence=ref["evidence"]))
    if match_args:
        OUT[-1]["match_args"] = match_args


def noise(text, note, fmt="noise"):
    OUT.append(dict(input=text, **{"class": "noise"}, kind="noise", format=fmt, carries_code=None,
                    carries_message=None, code=None, codes_allowed=[],
                    domains=[], exact_domains=[], ambiguous=False, undocumented=False, match=None, also_under=[],
                    contested=False, note=note, evidence=[]))


def fmt_line(fmt, code, msg, domain=None, prefix="", status=400):
    status = 429 if code == -1003 else status        # rate limits come with HTTP 429 (ccxt: DDoSProtection)
    return prefix + FORMATS[fmt][0](code, msg, ctx(domain, status))


# ---- 1. code given, documented: every library format ------------------------------------
# (code, message as Binance returns it, domain hint for ccxt's URL scope, hand-expected code)
CODED = [
    (-2019, "Margin is insufficient.", "usds-margined-futures"),
    (-1121, "Invalid symbol.", "spot"),
    (-1021, "Timestamp for this request is outside of the recvWindow.", "spot"),
    (-1021, "Timestamp for this request was 1000ms ahead of the server's time.", "usds-margined-futures"),
    (-2015, "Invalid API-key, IP, or permissions for action.", "spot"),
    (-1022, "Signature for this request is not valid.", "usds-margined-futures"),
    (-2013, "Order does not exist.", "usds-margined-futures"),
    (-2022, "ReduceOnly Order is rejected.", "usds-margined-futures"),
    (-4061, "Order's position side does not match user's setting.", "usds-margined-futures"),
    (-4046, "No need to change margin type.", "usds-margined-futures"),
    (-4059, "No need to change position side.", "usds-margined-futures"),
    (-1111, "Precision is over the maximum defined for this asset.", "usds-margined-futures"),
    (-1003, "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use "
            "WebSocket Streams for live updates to avoid polling the API.", "spot"),
    (-1003, "Too many requests; current limit is 2400 requests per minute. Please use the websocket for live "
            "updates to avoid polling the API.", "usds-margined-futures"),
    (-1100, "Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.", "spot"),
    (-1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.", "spot"),
    (-1106, "Parameter 'timeInForce' sent when not required.", "spot"),
    (-1104, "Not all sent parameters were read; read '8' parameter(s) but was sent '9'.", "spot"),
    (-2027, "Exceeded the maximum allowable position at current leverage.", "usds-margined-futures"),
    (-4048, "Margin type cannot be changed if there exists position.", "usds-margined-futures"),
    (-4028, "Leverage 150 is not valid", "usds-margined-futures"),
    (-3041, "Balance is not enough", "spot"),
    (-3045, "The system doesn't have enough asset now.", "spot"),
    (-1131, "recvWindow must be less than 60000", "spot"),
    (-4014, "Price not increased by tick size.", "coin-margined-futures"),
    (-4015, "Client order id length should not be more than 36 chars", "usds-margined-futures"),
    (-2021, "Order would immediately trigger.", "usds-margined-futures"),
    (-5021, "Due to the order could not be filled immediately, the FOK order has been rejected.",
     "usds-margined-futures"),
    (-1000, "An unknown error occured while processing the request.", "usds-margined-futures"),
    (-1001, "Internal error; unable to process your request. Please try again.", "spot"),
    (-1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.",
     "spot"),
    (-1125, "This listenKey does not exist.", "spot"),
    (-1015, "Too many new orders; current limit is 50 orders per 10 SECOND.", "spot"),
    (-2014, "API-key format invalid.", "spot"),
    (-1116, "Invalid orderType.", "spot"),
    (-1117, "Invalid side.", "coin-margined-futures"),
    (-4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.",
     "usds-margined-futures"),
    (-2026, "Order was canceled or expired with no executed qty over 90 days ago and has been archived.", "spot"),
    (-2043, "This symbol doesn't have a reference price.", "spot"),
    (-4003, "Quantity less than zero.", "usds-margined-futures"),
    (-4050, "Cross balance insufficient.", "usds-margined-futures"),
    (-2018, "Balance is insufficient.", "options"),
    (-2027, "Option margin is insufficient.", "options"),
    (-3006, "Your borrow amount has exceed maximum borrow amount.", "spot"),
    (-10001, "The system is under maintenance, please try again later.", "spot"),
    (-12014, "More than 1 request in 2 seconds", "spot"),
    (-18003, "Too many codes created in 24 hours, please try again after UTC 0", "spot"),
    (51006, "Exceeds maximum borrowable amount.", "portfolio-margin"),
    (-1151, "Symbol is present multiple times in the list.", "spot"),
    (-4001, "Price less than 0.", "coin-margined-futures"),
    (-4001, "Invalid operation.", "spot"),
    (-5012, "Asset transfer is in pending.", "spot"),
    (-1008, "Request throttled by system-level protection. Reduce-only/close-position orders are exempt. "
            "Please try again.", "usds-margined-futures"),
    (-2020, "Unable to fill.", "coin-margined-futures"),
]
CODED_FORMATS = ["json", "python-binance-traceback", "go-binance", "ccxt-python", "python-dict", "escaped-json",
                 "binance-connector", "binance-sdk", "python-binance", "error-comma", "binance-net",
                 "ws-api", "java-connector", "node-connector", "binance-futures-connector", "binance-sdk-readme",
                 "binance-connector-example", "ccxt-js", "json-spaced", "node-binance-api", "binance-net-old",
                 "freqtrade"]
fmt_cycle = itertools.cycle(CODED_FORMATS)
pre_cycle = itertools.cycle([""] * 3 + EN_PREFIX + [""] + ZH_PREFIX)
for code, msg, dom in CODED:
    for _ in range(3):
        fmt = next(fmt_cycle)
        prefix = next(pre_cycle) if fmt not in ("escaped-json", "ws-api") else ""
        conflict = len(kbref.meanings(code)) > 1
        note = "code in the line; " + ("this code has several meanings, the message picks one"
                                        if conflict else "one meaning wherever documented")
        add(fmt_line(fmt, code, msg, dom, prefix), code, msg, "code-given", fmt, code, note,
            contested=code == -1008)

# ---- 2. the issue's own -2019 lines (fault 5) --------------------------------------------
for line in ['{"code":-2019,"msg":"Margin is insufficient."}',
             "APIError(code=-2019): Margin is insufficient.",
             "binance.exceptions.BinanceAPIException: APIError(code=-2019): Margin is insufficient.",
             "<APIError> code=-2019, msg=Margin is insufficient.",
             "{'code': -2019, 'msg': 'Margin is insufficient.'}",
             "ERROR: -2019, Margin is insufficient.",
             '2024-05-01 12:00:00 ERROR order failed: {\\"code\\":-2019,\\"msg\\":\\"Margin is insufficient.\\"}',
             "开空仓失败: <APIError> code=-2019, msg=Margin is insufficient."]:
    add(line, -2019, "Margin is insufficient.", "log-format", "issue-13", -2019, "issue 13 fault 5 sample")
add("2024-05-01 12:00:00 ERROR Margin is insufficient.", None, "Margin is insufficient.", "bare-message", "bare",
    -2019, "issue 13 fault 5: bare documented message after a log prefix")

# ---- 3. same message documented under another code: the given code wins (fault 1) -------
SAME_TEXT = [
    (-4164, "Order's notional must be no smaller than 20 (unless you choose reduce only).", "usds-margined-futures"),
    (-4164, "Order's notional must be no smaller than 100 (unless you choose reduce only)", "usds-margined-futures"),
    (-4164, "Order's notional must be no smaller than 5 (unless you choose reduce only)", "portfolio-margin"),
    (-4178, "Order's notional must be no smaller than one (unless you choose reduce only)", "coin-margined-futures"),
    (-4131, "The counterparty's best price does not meet the PERCENT_PRICE filter limit.", "usds-margined-futures"),
    (-4131, "The counterparty's best price does not meet the PERCENT_PRICE filter limit", "portfolio-margin"),
    (-4113, "The counterparty's best price does not meet the PERCENT_PRICE filter limit.", "coin-margined-futures"),
    (-4118, "ReduceOnly Order Failed. Please check your existing position and open orders", "usds-margined-futures"),
    (-4118, "ReduceOnly Order Failed. Please check your existing position and open orders.", "usds-margined-futures"),
    (-4112, "ReduceOnly Order Failed. Please check your existing position and open orders.", "coin-margined-futures"),
    (-1000, "An unknown error occurred while processing the request.", "spot"),
    (-5028, "Timestamp for this request is outside of the ME recvWindow.", "usds-margined-futures"),
    (-1121, "Invalid symbol.", "spot"),
    (-2013, "Order does not exist.", "spot"),
]
for i, (code, msg, dom) in enumerate(SAME_TEXT):
    fmt = ["json", "python-binance", "go-binance", "ccxt-python", "python-dict", "binance-sdk", "error-comma"][i % 7]
    ref = kbref.resolve(code, msg)
    others = ", ".join(f"{c} ({d})" for c, d in ref["also_under"]) or "-"
    add(fmt_line(fmt, code, msg, dom, EN_PREFIX[i % len(EN_PREFIX)] if i % 3 == 0 else ""), code, msg,
        "same-message-other-code", fmt, code, f"the given code wins; same text also documented under: {others}")
# a deliberately undocumented code carrying a documented message of another code (invented code)
add('{"code":-4999,"msg":"Margin is insufficient."}', -4999, "Margin is insufficient.", "undocumented-code", "json",
    -4999, "INVENTED code -4999 (deliberately undocumented) with -2019's text: keep -4999, mark undocumented, "
    "may note -2019")
add("APIError(code=-2999): Invalid symbol.", -2999, "Invalid symbol.", "undocumented-code", "python-binance", -2999,
    "INVENTED code -2999 (deliberately undocumented) with -1121's text: keep -2999, say undocumented")

# ---- 4. codes documented nowhere in the indexed pages (real codes, seen by ccxt) --------
UNDOC = [
    (-5013, "Asset transfer failed: insufficient balance", "ccxt comment: {\"code\":-5013,...} // undocumented"),
    (-4531, "Position mode change requires syncing UM and CM. Please close any open positions or orders in CM and "
            "try again.", "ccxt linear/inverse map comment"),
    (-5047, "The original order is not a reduce-only order.", "ccxt linear map comment"),
    (-4136, "Target strategy invalid for orderType TRAILING_STOP_MARKET,closePosition true", "ccxt linear comment"),
    (-11008, "Exceeding the account's maximum borrowable limit", "ccxt spot comment (undocumented)"),
    (-4408, "This symbol is in reduce only mode due to regulation requirements. Please upgrade to Binance Credits "
            "Trading Mode.", "ccxt portfolioMargin comment"),
    (100001003, "Verification failed", "ccxt spot comment; a POSITIVE 9-digit code"),
    (-2008, "Invalid Api-Key ID.", "ccxt spot map: 'undocumented, Invalid Api-Key ID'"),
]
for i, (code, msg, src) in enumerate(UNDOC):
    for fmt in (["json", "python-binance-traceback", "ccxt-python", "go-binance"][i % 4],
                ["binance-sdk", "error-comma", "python-dict", "binance-connector"][i % 4]):
        add(fmt_line(fmt, code, msg, "usds-margined-futures" if code in (-4531, -5047, -4136) else "spot",
                     ZH_PREFIX[i % len(ZH_PREFIX)] if fmt == "go-binance" else ""),
            code, msg, "undocumented-code", fmt, code, f"real code not in any indexed page ({src}); keep the code, "
            "say undocumented")

# ---- 5. code given, several meanings, nothing in the line tells them apart (fault 2) -----
for line, code, note in [
        ("order rejected code=-4001", -4001, "-4001: CAPITAL_INVALID (wallet, portfolio-margin-pro, crypto-loan) vs "
         "PRICE_LESS_THAN_ZERO (futures, options)"),
        ("2024-05-01 12:00:00 WARN binance returned -4001, retrying", -4001, "as above"),
        ("下单失败，错误码 -4001", -4001, "as above, Chinese prefix"),
        ("Error -1008 from exchange, backing off 5s", -1008, "-1008: SERVER_BUSY / Request Throttled vs options "
         "TOO_MANY_REQUESTS"),
        ("ERROR: -1008", -1008, "as above"),
        ("ws error code=-1004", -1004, "-1004: DUPLICATE_IP (futures) vs SERVER_BUSY (wallet...)"),
        ("margin type change failed, code -4046", -4046, "-4046: NO_NEED_TO_CHANGE_MARGIN_TYPE (futures) vs "
         "CAPITAL_AGREEMENT_NOT_CONFIRMED (wallet...)"),
        ("cancelReplace failed: code=-2022", -2022, "-2022: REDUCE_ONLY_REJECT (futures) vs Order cancel-replace "
         "failed (spot...)"),
        ("transfer error code=-5012", -5012, "-5012 is documented TWICE in the same wallet page with two names "
         "(TRANSFER_PENDING, FUTURE_ACCT_OR_SUBRELATION_NOT_EXIST)")]:
    add(line, code, None, "real-conflict", "code-only", code, note, ambiguous=True)
# the same conflicting codes with a message that settles them: not ambiguous
for code, msg, fmt in [(-4001, "Price less than 0.", "go-binance"), (-4001, "Invalid operation.", "python-binance"),
                       (-1004, "Server is busy, please wait and try again", "json"),
                       (-4046, "Agreement not confirmed.", "binance-sdk"),
                       (-2022, "ReduceOnly Order is rejected.", "ccxt-python")]:
    add(fmt_line(fmt, code, msg), code, msg, "real-conflict-resolved", fmt, code,
        "conflicting code, but the message names one meaning")
add(fmt_line("json", -1008, "Server is currently overloaded with other requests. Please try again in a few minutes."),
    -1008, "Server is currently overloaded with other requests. Please try again in a few minutes.",
    "real-conflict-resolved", "json", -1008, "CONTESTED: spot SERVER_BUSY and futures 'Request Throttled' both carry "
    "this exact text; by the rule 'same code + same message = one meaning' it is not ambiguous; issue 13 calls "
    "-1008 SERVER_BUSY vs Request Throttled a real conflict", contested=True)

# ---- 6. false ambiguity: same code + same text in several products, and translations ---
for code, msg, fmt in [(-2015, "Invalid API-key, IP, or permissions for action.", "json"),
                       (-1003, "Too many requests queued.", "python-binance"),
                       (-1013, "Filter failure: LOT_SIZE", "python-dict"),
                       (-1100, "Illegal characters found in a parameter.", "go-binance"),
                       (-1102, "A mandatory parameter was not sent, was empty/null, or malformed.", "ccxt-python"),
                       (-1104, "Not all sent parameters were read.", "binance-sdk"),
                       (-2010, "NEW_ORDER_REJECTED", "json"),
                       (-1021, "Timestamp for this request is outside of the recvWindow.", "ws-api"),
                       (-1151, "Symbol is present multiple times in the list.", "error-comma")]:
    add(fmt_line(fmt, code, msg), code, msg, "false-ambiguity", fmt, code,
        "same code and text (or a translation) in several products: one meaning, not ambiguous")
add("Invalid API-key, IP, or permissions for action.", None, "Invalid API-key, IP, or permissions for action.",
    "false-ambiguity", "bare", -2015, "issue 13 fault 2: every candidate is -2015 REJECTED_MBX_KEY")
add("The counterparty's best price does not meet the PERCENT_PRICE filter limit.", -4131,
    "The counterparty's best price does not meet the PERCENT_PRICE filter limit.", "false-ambiguity", "match --code",
    -4131, "issue 13 fault 2: `kb match --code -4131 ...` (the code is the CLI argument in match_args, not in the "
    "text; for classify this line alone is the ambiguous case of section 10); -4113 (COIN-M) has the same text",
    match_args=["--code", "-4131"])

# ---- 7. table rows: message-keyed tables (fault 3) -------------------------------------
FILTERS = ["LOT_SIZE", "PRICE_FILTER", "MIN_NOTIONAL", "NOTIONAL", "PERCENT_PRICE", "PERCENT_PRICE_BY_SIDE",
           "MARKET_LOT_SIZE", "MAX_NUM_ORDERS", "MAX_NUM_ALGO_ORDERS", "ICEBERG_PARTS", "TRAILING_DELTA",
           "EXCHANGE_MAX_NUM_ORDERS", "MAX_POSITION"]
for i, f in enumerate(FILTERS):
    msg = f"Filter failure: {f}"
    add(["", "2024-05-01 12:00:00 ERROR ", "下单失败：", "order rejected: "][i % 4] + msg, None, msg, "table-row",
        "bare", -1013, "filter-failure row: returned under -1013 INVALID_MESSAGE (spot page's -1013 links to "
        "#filter-failures)")
    fmt = ["json", "python-binance", "ccxt-python", "go-binance"][i % 4]
    add(fmt_line(fmt, -1013, msg, "spot"), -1013, msg, "table-row", fmt, -1013, "filter failure with its code")
ROW_CODES = (-1010, -2010, -2011, -2038)   # spot: "Messages for -1010 ..., -2010 ..., -2011 ... and -2038 ..."
REJECT = ["Duplicate order sent.", "Market is closed.", "Unknown order sent.",
          "Account has insufficient balance for requested action.", "Order would immediately match and take.",
          "Order would trigger immediately.", "This action is disabled on this account.",
          "Price * QTY is zero or less.", "Stop loss orders are not supported for this symbol.",
          "This symbol is not permitted for this account.", "Unsupported order combination",
          "Rest API trading is not enabled."]
for i, msg in enumerate(REJECT):
    both = msg == "Unsupported order combination"      # also -1014's entry text: row codes AND -1014
    codes = ROW_CODES + ((-1014,) if both else ())
    cls, text = ccxt_error(-2010, msg)          # ccxt drops the code only when its map knows the message
    via_ccxt = i % 4 == 3 and str(-2010) not in text
    line = f"ccxt.base.errors.{cls}: {text}" if via_ccxt else \
        ["", "2024-05-01 12:00:00,123 ERROR ", "撤单失败: ", "2024-05-01 12:00:00 WARN "][i % 4] + msg
    add(line, None, msg, "table-row", "ccxt-python (message-only)" if via_ccxt else "bare", codes,
        "order-rejection row: returned under the codes its section names; any of them is right, none is chosen by "
        "the text alone" + ("; ALSO -1014 UNKNOWN_ORDER_COMPOSITION's entry text 'Unsupported order combination.': "
                            "ambiguous between -1014 and the row's codes" if both else ""), ambiguous=both)
    code = -2011 if msg in ("Unknown order sent.",) else -2010
    fmt = ["json", "python-binance-traceback", "binance-connector", "ccxt-python", "binance-net", "python-dict"][i % 6]
    if fmt == "ccxt-python" and str(code) not in fmt_line(fmt, code, msg, "spot"):
        fmt = "go-binance"                         # ccxt would drop the code for this message
    add(fmt_line(fmt, code, msg, "spot"), code, msg, "table-row", fmt, code, "order-rejection row with its code")
add("ccxt.base.errors.OrderImmediatelyFillable: binance Order would immediately match and take.", None,
    "Order would immediately match and take.", "table-row", "ccxt-python (message-only)",
    ROW_CODES, "ccxt drops the code when its exact map matches the message (verified with ccxt 4.5.90)")
add("ccxt.base.errors.InvalidOrder: binance Filter failure: PERCENT_PRICE_BY_SIDE", None,
    "Filter failure: PERCENT_PRICE_BY_SIDE", "table-row", "ccxt-python (message-only)", -1013,
    "ccxt's broad map matched PERCENT_PRICE_BY_SIDE and dropped the code")

# ---- 8. language: Chinese messages from the zh pages, translations (fault 4) -----------
ZH = [(None, "杠杆账户余额不足", -2019), (None, "无效的API密钥，IP或操作权限。", -2015),
      (None, "此请求的时间戳在recvWindow之外。", -1021), (None, "此请求的签名无效。", -1022),
      (None, "全仓余额不足。", -4050), (None, "逐仓余额不足。", -4051), (None, "订单的持仓方向和用户设置不一致。", -4061),
      (None, "ReduceOnly订单被拒绝", -2022), (None, "价格增量不是价格精度的倍数。", -4014),
      (None, "不需要切换仓位模式。", -4046), (None, "余额不足", (-2018, -3041, -6012)), (None, "订单不存在。", (-2013, -10021)),
      (None, "精度超过为此资产定义的最大值。", -1111), (None, "服务器正忙，请稍候再试。", -1004),
      (None, "该listenKey不存在。", -1125), (-2019, "杠杆账户余额不足", -2019), (-1021, "此请求的时间戳在recvWindow之外。", -1021),
      (-2015, "无效的API密钥，IP或操作权限。", -2015), (-4164, "订单的名义价值不可以小于5，除了使用reduce only", -4164),
      (-1013, "Filter failure: LOT_SIZE", -1013)]
for i, (code, msg, expect) in enumerate(ZH):
    amb = isinstance(expect, tuple)
    if code is None:
        line = ZH_PREFIX[i % len(ZH_PREFIX)] + msg
        fmtname = "bare (zh)"
    else:
        fmtname = ["json", "go-binance", "python-dict", "binance-sdk", "python-binance"][i % 5]
        line = fmt_line(fmtname, code, msg, "usds-margined-futures", ZH_PREFIX[i % len(ZH_PREFIX)])
    ref = kbref.resolve(code, msg)
    note = ("translation: the zh page's text for this code; same meaning as the English entry"
            if not amb else f"Chinese text documented under several codes {ref['codes']}: ambiguous without a code")
    add(line, code, msg, "translation", fmtname, expect, note, ambiguous=amb)
for msg, exp, amb in [("Account has insufficient balance for requested action.", ROW_CODES, False),
                      ("Invalid symbol.", (-1121, -20121), True),
                      ("Timestamp for this request is outside of the recvWindow.", -1021, False)]:
    add("2024-05-01 12:00:00 ERROR " + msg, None, msg, "language", "bare", exp,
        "English input: English rows rank first (issue 13 fault 4)" +
        ("; also a real ambiguity: -1121 BAD_SYMBOL vs -20121 (algo) 'Invalid symbol.'" if amb else ""), ambiguous=amb)

# ---- 9. near matches: Binance's real text drifts from the docs (fault 9) ---------------
NEAR = [  # (code in line, text, note, hand-expected code)
    (-5022, "Due to the order could not be executed as maker, the Post Only order will be rejected. The order will "
            "not be recorded in the order history", "the docs' sentence + 'The order will not be recorded...' (the "
            "usdm zh-CN page has it verbatim in English)"),
    (-5021, "Due to the order could not be filled immediately, the FOK order has been rejected. The order will not "
            "be recorded in the order history", "as above for FOK"),
    (None, "Way too many requests; IP(203.0.113.7) banned until 1771748578656. Please use the websocket for live "
           "updates to avoid bans.", "template literal differs: 'IP(...) banned' vs 'IP banned until %s'"),
    (-1003, "Way too many requests; IP(203.0.113.7) banned until 1771748578656. Please use the websocket for live "
            "updates to avoid bans.", "same with its code"),
    (None, "Too many requests; current limit of IP(203.0.113.7) is 2400 requests per minute. Please use the "
           "websocket for live updates to avoid polling the API.", "futures' real -1003 wording (memory) vs the "
           "template"),
    (None, "This symbol does not have a reference price.", "'does not' vs the docs' 'doesn't' (-2043)"),
    (None, "Quantity less than or equal to zero.", "'less than or equal to zero' vs 'less than zero' (-4003)"),
    (None, "Stop price less than or equal to zero.", "as above (-4006)"),
    (None, "Invalid API-key, IP, or permissions for action, request ip: 203.0.113.7",
     "futures append the caller's IP (memory of public issue threads)"),
    (-2015, "Invalid API-key, IP, or permissions for action, request ip: 198.51.100.23", "same with its code"),
    (None, "Margin is insufficient. Please add margin or reduce position size.", "documented text + advice (invented "
           "tail, shape as Binance does)"),
    (-1021, "Timestamp for this request is outside of the recvWindow. Server time: 1714564800123, request time: "
            "1714564795000", "documented text + values (invented tail)"),
    (None, "This listenKey does not exist. Please use POST /fapi/v1/listenKey to recreate listenKey.",
     "exact futures wording with final stop: exact, not near (control case)"),
]
NEAR_EXPECT = [-5022, -5021, -1003, -1003, -1003, -2043, -4003, -4006, -2015, -2015, -2019, -1021, -1125]
for i, ((code, msg, note), expect) in enumerate(zip(NEAR, NEAR_EXPECT)):
    ref = kbref.resolve(code, msg)
    fmt = ["json", "python-binance-traceback", "go-binance", "ccxt-python"][i % 4] if code is not None else "bare"
    line = fmt_line(fmt, code, msg, "usds-margined-futures") if code is not None else EN_PREFIX[i % 6] + msg
    add(line, code, msg, "near-match", fmt, expect,
        note + " -> lower-confidence candidate, labelled near" if ref["match"] == "near" else note)

# ---- 10. message only, documented under several codes: must stay ambiguous -------------
for msg, cands in [("Order's notional must be no smaller than 20 (unless you choose reduce only).", (-4164, -4178)),
                   ("The counterparty's best price does not meet the PERCENT_PRICE filter limit.", (-4131, -4113)),
                   ("ReduceOnly Order Failed. Please check your existing position and open orders", (-4118, -4112)),
                   ("An unknown error occurred while processing the request.", (-1000, 51999)),
                   ("Quantity greater than max quantity.", (-4005, -6054)),
                   ("User can only place reduce only order", (-4087, -4089)),
                   ("Timestamp for this request is outside of the ME recvWindow.", (-5028, -4188))]:
    ref = kbref.resolve(None, msg)
    add("2024-05-01 12:00:00 ERROR " + msg, None, msg, "same-message-other-code", "bare", cands,
        f"no code in the line and the text is documented under {ref['codes']}: show all, pick none "
        "(issue 13 fault 7: classify and match agree)", ambiguous=True)

# ---- 11. truncated / malformed payloads (fault 8) ---------------------------------------
for line, code, note in [
        ('{"code":-2019,"msg":"Margin is insuff', -2019, "cut mid-message; the code is complete"),
        ('2024-05-01 12:00:00 ERROR order failed: {"code":-1013,"msg":"Filter failure: LOT_S', -1013,
         "cut mid-message after a prefix"),
        ("{'code': -5022, 'msg': 'x'}", -5022, "issue 13 fault 8: python-dict payload with a placeholder message"),
        ('{"code":-20', None, "cut inside the code: no code can be read"),
        ('{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."', -1021,
         "closing brace missing")]:
    ref = kbref.resolve(code, None)
    OUT.append(dict(input=line, **{"class": "error line"}, kind="truncated", format="truncated-json",
                    carries_code=code, carries_message=None, code=code,
                    codes_allowed=[code] if code is not None else [], domains=ref["domains"] or ["*"],
                    exact_domains=[], ambiguous=ref["ambiguous"], undocumented=ref["undocumented"],
                    match="code-only" if code is not None else None, also_under=[], contested=True,
                    note=note + "; match: answer from the visible code (or say the payload is malformed); classify:"
                    " malformed/truncated, or counted under the visible code, NEVER under another code",
                    evidence=[]))
add("not json", None, None, "malformed-payload", "not-json", None,
    "issue 13 fault 8: `kb match --payload 'not json'` must be treated like the other payloads (no code, no "
    "documented text: 'no documented message matches', not a crash/exit 2); as a classify line it is not an error",
    cls="noise", match_args=["--payload", "not json"])

# ---- 12. error-shaped lines without a Binance code (fault 6) -----------------------------
for line, note in [
        ("binance.exceptions.BinanceAPIException: APIError(code=0): Invalid JSON error message from Binance: "
         "<html><head><title>502 Bad Gateway</title></head></html>", "python-binance on a non-JSON 502 (source): "
         "code=0 is not a Binance code"),
        ("binance_common.errors.ServerError: Server error: 503", "binance-sdk 5xx (source: ServerError(error_message=f'Server "
         "error: {status}'))"),
        ("AxiosError: Request failed with status code 400", "@binance/connector (node) before reading "
         "response.data (memory)"),
        ("ccxt.base.errors.RequestTimeout: binance GET https://api.binance.com/api/v3/exchangeInfo", "ccxt timeout "
         "(memory of the shape)"),
        ("binance.error.ClientError: (400, None, '<html><body>Bad Request</body></html>', {'Content-Type': "
         "'text/html'}, None)", "binance-connector when the body is not JSON (source: error_code None)")]:
    OUT.append(dict(input=line, **{"class": "error line"}, kind="error-no-code", format="library",
                    carries_code=None, carries_message=None, code=None,
                    codes_allowed=[], domains=["*"], exact_domains=[], ambiguous=False, undocumented=False,
                    match="none", also_under=[], contested=False,
                    note=note + "; expected: reported as an unmatched error-shaped line, never under a code",
                    evidence=[]))

# ---- 13. noise: not errors ---------------------------------------------------------------
NOISE = [
    ("2024-05-01 12:00:00,123 INFO Order filled: BTCUSDT BUY 0.001 @ 63250.10 orderId=28457130923", "fill"),
    ("2024-05-01 12:00:01 INFO heartbeat ok latency=42ms", "heartbeat"),
    ("2024-05-01 12:00:02 DEBUG https://fapi.binance.com:443 \"POST /fapi/v1/order HTTP/1.1\" 200 1543",
     "HTTP 200 with port and size"),
    ("2024-05-01 12:00:03 INFO PnL BTCUSDT unrealized=-1021.37 USDT", "negative number that looks like -1021"),
    ("2024-05-01 12:00:04 INFO funding rate -0.0100% next at 1714579200000", "negative rate, timestamp"),
    ('{"code":200,"msg":"The operation of cancel all open order is done."}', "futures success body with code 200"),
    ('{"code":0,"msg":"success"}', "code=0 success"),
    ("ws api response code=0 id=7", "code=0"),
    ('{"e":"ORDER_TRADE_UPDATE","E":1714564800123,"T":1714564800119,"o":{"s":"BTCUSDT","c":"x-1013a","S":"BUY",'
     '"X":"FILLED","ap":"63250.1","q":"0.001"}}', "user-data event; '1013' inside a client id"),
    ('{"result":null,"id":1}', "subscription ack"),
    ("Connecting to wss://fstream.binance.com:443/ws/btcusdt@aggTrade", "ws connect"),
    ("listening on 0.0.0.0:8080", "port"),
    ("2024-05-01 12:00:05 WARNING retrying in 2s (attempt 2/5)", "warning, not an error"),
    ("订单已成交: BTCUSDT 买入 0.001 @ 63250.1", "Chinese fill"),
    ("开仓成功: ETHUSDT 多 0.5 @ 3100.2 杠杆 20x", "Chinese open position ok"),
    ("HTTP/1.1 200 OK", "HTTP 200"),
    ('{"orderId":28457130923,"symbol":"BTCUSDT","status":"NEW","clientOrderId":"bot-2019-05","price":"63250.10",'
     '"origQty":"0.001","executedQty":"0","type":"LIMIT","side":"BUY","updateTime":1714564800123}',
     "new order ack; '2019' in client id"),
    ("Traceback (most recent call last):", "traceback header (the exception line carries the error)"),
    ('  File "/app/bot/exchange.py", line 212, in place_order', "traceback frame"),
    ("2024-05-01 12:00:06 INFO serverTime=1714564806123 offset=-1003ms", "clock offset -1003ms: not a code"),
    ("2024-05-01 12:00:07 INFO balance USDT free=2015.00 locked=0.00", "number 2015"),
    ("ping 1714564807000 -> pong 1714564807042", "ping/pong"),
    ("2024-05-01 12:00:08 INFO listenKey keepalive ok", "keepalive"),
    ("2024-05-01 12:00:09 INFO 设置杠杆成功 leverage=20 maxNotionalValue=25000", "Chinese leverage ok"),
    ("2024-05-01 12:00:10 INFO position BTCUSDT qty=-0.002 entry=63310.0 mark=63250.1", "short position"),
    ("WS api receieved unknown message: {'e': 'kline', 'E': 1714564810000}", "python-binance warning (typo is "
     "theirs; source)"),
    ("", "blank line"),
    ("2024-05-01 12:00:11 INFO strategy tick #4164 done in 3ms", "'#4164' is a counter"),
    ("2024-05-01 12:00:12 INFO GET /api/v3/ticker/price?symbol=BTCUSDT 200 -> {\"symbol\":\"BTCUSDT\",\"price\":"
     "\"63250.10\"}", "ticker reply"),
    ("2024-05-01 12:00:13 INFO order canceled by user: orderId=28457131000 status=CANCELED", "cancel ok"),
    ("2024-05-01 12:00:14 INFO 撤单成功 orderId=28457131000", "Chinese cancel ok"),
    ("2024-05-01 12:00:15 DEBUG x-mbx-used-weight-1m=1200 x-mbx-order-count-10s=3", "rate-limit headers"),
    ('2024-05-01 12:00:16 INFO {"code":"000000","message":null,"data":{"status":"SUCCESS"},"success":true}',
     "success envelope with a string code 000000"),
    ("2024-05-01 12:00:17 INFO 心跳正常 延迟 35ms", "Chinese heartbeat"),
    ('2024-05-01 12:00:18 INFO order status: {"symbol":"BTCUSDT","orderId":28457130923,"status":"EXPIRED",'
     '"timeInForce":"GTX"}', "an expired post-only order is a state, not an error line"),
    ("2024-05-01 12:00:19 DEBUG params recvWindow=5000 timestamp=1714564819000 signature=3f1a9c", "words of "
     "documented messages (recvWindow, signature) in a request log"),
    ("2024-05-01 12:00:20 INFO Margin is sufficient: available=1021.55 USDT", "looks like -2019's text but says the "
     "opposite; 1021 is an amount"),
    ("2024-05-01 12:00:21 INFO 余额充足: USDT 2015.00", "Chinese 'balance sufficient'; 2015 is an amount"),
]
for text, note in NOISE:
    noise(text, note)


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("acceptance.jsonl")
    seen, kept = set(), []
    for item in OUT:                               # a line generated twice is kept once
        key = (item["input"], tuple(item.get("match_args", ())))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    OUT[:] = kept
    with out.open("w", encoding="utf-8") as fh:
        for item in OUT:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    errors = sum(1 for o in OUT if o["class"] == "error line")
    print(f"{len(OUT)} cases ({errors} error lines, {len(OUT) - errors} noise) -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
