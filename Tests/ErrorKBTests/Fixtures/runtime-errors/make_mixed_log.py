#!/usr/bin/env python3
"""Deterministic generator of a realistic mixed bot log, with expected answers.

  python3 make_mixed_log.py N [--seed S] [--out mixed-N.log]

writes
  mixed-N.log                 the log (UTF-8, '\\n' line ends)
  mixed-N.expected.json       totals: lines per class, count per code, groups, formats
  mixed-N.lines.jsonl         one object per line: line (1-based), class, code, codes_allowed,
                              ambiguous, undocumented, domains, format, code_visible (truncated)

Line classes
  error       an error line; `code` is the code the answer must count it under; for a line
              with several candidate codes (table row without a code, text documented under
              several codes) `code` is null and `group` names the candidates
  error-nocode  error-shaped but no Binance code and no documented text (e.g. python-binance's
              APIError(code=0) on an HTML 502): reported as unmatched, never counted under a code
  truncated   a payload cut mid-JSON; `code_visible` is the code if its digits are complete in
              the cut text (counting the line under it is acceptable, any other code is wrong)
  noise       not an error (fills, heartbeats, HTTP 200, code 200/0, prices, ports, negative
              PnL such as -1021.37, traceback header/frames)
  blank       empty line
Expectations come from what was generated and kbref (the pages), never from ErrorKB.
Error material: the (code, message) pairs of acceptance.jsonl, rendered again in random
formats (formats.py), with random English/Chinese log prefixes.
"""
import argparse, json, random
from datetime import datetime, timezone
from collections import Counter
from pathlib import Path
import kbref
from formats import FORMATS

HERE = Path(__file__).resolve().parent
ZH_PREFIX = ["开空仓失败: ", "下单失败：", "撤单失败, 原因: ", "平仓异常 -> ", "【告警】{sym} 开多失败：", "调整杠杆失败 ",
             "止损单提交失败: "]
EN_PREFIX = ["ERROR order failed: ", "[ERROR] place_order: ", "bot.ERROR: cancel failed - ", "ERROR    | strategy:"
             "on_bar:142 - ", "WARNING retry {a}/5 after ", "ERROR "]
SYMS = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "DOGEUSDT", "BTCUSD_PERP", "ETHBTC"]
PAYLOAD_FORMATS = ["json", "json-spaced", "python-dict", "escaped-json", "ws-api", "node-binance-api",
                   "java-connector"]
NOISE = [
    "INFO Order filled: {sym} {side} {qty} @ {price} orderId={oid}",
    "INFO heartbeat ok latency={ms}ms",
    'DEBUG https://fapi.binance.com:443 "POST /fapi/v1/order HTTP/1.1" 200 {size}',
    "INFO PnL {sym} unrealized=-{pnl} USDT",
    "INFO funding rate -0.0{n}00% next at {ts}",
    '{{"code":200,"msg":"The operation of cancel all open order is done."}}',
    '{{"code":0,"msg":"success"}}',
    "INFO ws api response code=0 id={n}",
    '{{"e":"ORDER_TRADE_UPDATE","E":{ts},"o":{{"s":"{sym}","c":"x-{oid4}","S":"{side}","X":"FILLED","ap":"{price}",'
    '"q":"{qty}"}}}}',
    '{{"result":null,"id":{n}}}',
    "INFO Connecting to wss://fstream.binance.com:443/ws/{lsym}@aggTrade",
    "INFO listening on 0.0.0.0:{port}",
    "WARNING retrying in {n}s (attempt {a}/5)",
    "INFO 订单已成交: {sym} 买入 {qty} @ {price}",
    "INFO 开仓成功: {sym} 多 {qty} @ {price} 杠杆 {lev}x",
    "DEBUG HTTP/1.1 200 OK",
    'DEBUG {{"orderId":{oid},"symbol":"{sym}","status":"NEW","clientOrderId":"bot-{oid4}","price":"{price}",'
    '"origQty":"{qty}","type":"LIMIT","side":"{side}","updateTime":{ts}}}',
    "INFO serverTime={ts} offset=-{ms4}ms",
    "INFO balance USDT free={bal} locked=0.00",
    "DEBUG ping {ts} -> pong {ts}",
    "INFO listenKey keepalive ok",
    "INFO 设置杠杆成功 leverage={lev} maxNotionalValue={size}000",
    "INFO position {sym} qty=-{qty} entry={price} mark={price}",
    "INFO strategy tick #{ms4} done in {n}ms",
    "INFO order canceled by user: orderId={oid} status=CANCELED",
]
NOCODE = ["binance.exceptions.BinanceAPIException: APIError(code=0): Invalid JSON error message from Binance: "
          "<html><head><title>502 Bad Gateway</title></head></html>",
          "binance_common.errors.ServerError: Server error: 503",
          "AxiosError: Request failed with status code 400"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.t = 1714564800000                                      # 2024-05-01 12:00:00 UTC
        pool = [json.loads(l) for l in (HERE / "acceptance.jsonl").open(encoding="utf-8")]
        pairs = {(a["carries_code"], a["carries_message"]) for a in pool if a["class"] == "error line"
                 and a["kind"] not in ("truncated", "error-no-code") and "match_args" not in a
                 and (a["carries_code"] is not None or a["carries_message"])}
        self.coded = sorted((c, m) for c, m in pairs if c is not None and m)
        self.code_only = sorted(c for c, m in pairs if c is not None and not m)
        self.bare = sorted(m for c, m in pairs if c is None and m)
        self.expect = {}

    def vals(self):
        r = self.r
        self.t += r.randint(5, 900)
        price = f"{r.uniform(0.1, 70000):.2f}"
        sym = r.choice(SYMS)
        return dict(sym=sym, lsym=sym.lower(), side=r.choice(["BUY", "SELL"]), qty=f"{r.uniform(0.001, 5):.3f}",
                    price=price, oid=r.randint(10 ** 10, 10 ** 11), oid4=r.randint(1000, 9999), ms=r.randint(3, 400),
                    ms4=r.randint(1000, 5999), pnl=f"{r.randint(1000, 5200)}.{r.randint(10, 99)}",
                    n=r.randint(1, 9), a=r.randint(1, 5), ts=self.t, size=r.randint(200, 9000), port=r.choice([443, 8080, 9443, 6379]),
                    lev=r.choice([5, 10, 20, 50, 125]), bal=f"{r.randint(1000, 5000)}.00")

    def stamp(self):
        t = datetime.fromtimestamp(self.t / 1000, timezone.utc)
        return t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (self.t % 1000)

    def prefix(self, v):
        r = self.r.random()
        if r < 0.25:
            return ""
        if r < 0.6:
            return f"{self.stamp()} " + self.r.choice(EN_PREFIX).format(**v)
        return (f"{self.stamp()} " if self.r.random() < 0.5 else "") + self.r.choice(ZH_PREFIX).format(**v)

    def ctx(self, v, code=None):
        return {"domain": None, "status": 429 if code == -1003 else 400, "iso": self.stamp(),
                "uuid": "%032x" % self.r.getrandbits(128)}

    def answer(self, code, msg):
        key = (code, msg)
        if key not in self.expect:
            self.expect[key] = kbref.resolve(code, msg)
        return self.expect[key]

    def error_line(self):
        v = self.vals()
        roll = self.r.random()
        if roll < 0.75:
            code, msg = self.r.choice(self.coded)
            fmt = self.r.choice(sorted(FORMATS))
            text = FORMATS[fmt][0](code, msg, self.ctx(v, code))
            line = self.prefix(v) + text
            carried = code if str(code) in text else None             # ccxt drops codes it maps by text
        elif roll < 0.94:
            code, msg, fmt = None, self.r.choice(self.bare), "bare"
            line, carried = self.prefix(v) + msg, None
        else:
            code, msg, fmt = self.r.choice(self.code_only), None, "code-only"
            line = self.prefix(v) + self.r.choice(["order rejected code={c}", "binance returned {c}, retrying",
                                                   "错误码 {c}", "ERROR: {c}"]).format(c=code)
            carried = code
        ref = self.answer(carried, msg)
        rec = dict(cls="error", format=fmt, code=ref["code"] if (carried is not None or not ref["ambiguous"]) else None,
                   codes_allowed=ref["codes"], ambiguous=ref["ambiguous"], undocumented=ref["undocumented"],
                   domains=ref["domains"], match=ref["match"])
        if rec["code"] is None and ref["codes"]:
            rec["group"] = ("ambiguous:" if ref["ambiguous"] else "rows:") + "|".join(map(str, sorted(ref["codes"])))
        return line, rec

    def truncated(self):
        v = self.vals()
        code, msg = self.r.choice(self.coded)
        fmt = self.r.choice(PAYLOAD_FORMATS)
        full = self.prefix(v) + FORMATS[fmt][0](code, msg, self.ctx(v, code))
        start = full.index("code")
        cut = self.r.randint(start + 2, len(full) - 2)
        line = full[:cut]
        after = line[start:].split(str(code), 1)
        visible = code if len(after) == 2 and after[1][:1] and not after[1][:1].isdigit() else None
        return line, dict(cls="truncated", format=fmt + " (cut)", code=None, code_visible=visible)

    def noise(self):
        v = self.vals()
        tpl = self.r.choice(NOISE)
        line = tpl.format(**v)
        return (f"{self.stamp()} " + line if tpl[:1] != "{" else line), dict(cls="noise", format="noise")


def generate(n, seed):
    g = Gen(seed)
    lines, recs = [], []
    while len(lines) < n:
        roll = g.r.random()
        if roll < 0.04:
            pair = [("", dict(cls="blank", format="blank"))]
        elif roll < 0.08:                                           # a traceback, then its exception line
            pair = [("Traceback (most recent call last):", dict(cls="noise", format="traceback")),
                    ('  File "/app/bot/exchange.py", line %d, in place_order' % g.r.randint(40, 400),
                     dict(cls="noise", format="traceback")), g.error_line()]
        elif roll < 0.13:
            pair = [g.truncated()]
        elif roll < 0.15:
            pair = [(g.r.choice(NOCODE), dict(cls="error-nocode", format="library"))]
        elif roll < 0.45:
            pair = [g.noise()]
        else:
            pair = [g.error_line()]
        for line, rec in pair:
            if len(lines) < n:
                lines.append(line)
                recs.append(dict(line=len(lines), **rec))
    return lines, recs


def summary(n, seed, recs):
    classes = Counter(r["cls"] for r in recs)
    by_code = Counter(str(r["code"]) for r in recs if r["cls"] == "error" and r["code"] is not None)
    groups = Counter(r["group"] for r in recs if r.get("group"))
    unmatched = sum(1 for r in recs if r["cls"] == "error" and r["code"] is None and not r.get("group"))
    return {
        "lines": n, "seed": seed,
        "error_lines": classes["error"], "error_lines_with_expected_code": sum(by_code.values()),
        "noise_lines": classes["noise"], "blank_lines": classes["blank"],
        "truncated_lines": classes["truncated"], "error_nocode_lines": classes["error-nocode"],
        "unmatched_error_lines_expected": classes["error-nocode"] + unmatched,
        "by_code": dict(sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))),
        "undocumented_codes": sorted({str(r["code"]) for r in recs if r.get("undocumented")}),
        "groups_without_single_code": dict(sorted(groups.items())),
        "truncated_with_visible_code": dict(sorted(Counter(str(r["code_visible"]) for r in recs
                                                           if r["cls"] == "truncated").items())),
        "ambiguous_code_given_lines": sum(1 for r in recs if r["cls"] == "error" and r["code"] is not None
                                          and r["ambiguous"]),
        "formats": dict(sorted(Counter(r["format"] for r in recs).items())),
        "rules": "count a line with `code` under that code (ambiguous code-given lines: under the code, marked "
                 "ambiguous); `ambiguous:` group lines name all candidates and are counted under no single code; "
                 "`rows:` group lines (table rows without a code) carry all the section's codes: counting one "
                 "of them is not a wrong code; truncated lines are malformed (or under code_visible); noise and "
                 "blank lines are never errors",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    out = a.out or HERE / f"mixed-{a.n}.log"
    lines, recs = generate(a.n, a.seed)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stem = out.with_suffix("")
    Path(f"{stem}.lines.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                                           encoding="utf-8")
    Path(f"{stem}.expected.json").write_text(json.dumps(summary(a.n, a.seed, recs), ensure_ascii=False, indent=1)
                                             + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} lines", flush=True)


if __name__ == "__main__":
    main()
