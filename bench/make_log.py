#!/usr/bin/env python3
"""A synthetic bot log for the classify benchmark, in the formats client libraries print.

  make_log.py KB.db N OUT [--seed S]

Each error is a documented (code, message) of the KB, its placeholders (%s %d %b ％s {0} {name})
filled with random arguments, written in one of the formats `kb classify` reads:

  50%  the API's JSON answer {"code":…,"msg":…} (one in five after a log prefix), as before
  20%  a client library's line: python-binance, go-binance, binance-connector and binance-sdk
       tuples, binance-connector's example, Binance.Net, ccxt, a Python dict, Node's inspect,
       JSON escaped in a JSON log line, a bot's "ERROR: code, message"
  10%  a documented message alone after a log prefix (no code)
  15%  noise: fills, heartbeats, HTTP lines, prices, a success answer
   5%  errors nobody documented: a payload with an undocumented code, or an error-level line

Deterministic for a given seed.
"""
import json
import random
import re
import sqlite3
import sys

PLACEHOLDER = re.compile(r"%[sdb](?![A-Za-z0-9])|％s(?![A-Za-z0-9])|\{[0-9]+\}|\{[A-Za-z_][A-Za-z0-9_]*\}")
WORDS = ["BTCUSDT", "10", "250", "ETH", "LIMIT", "1 MINUTE", "price", "0.001", "quantity", "GTC", "true"]
UNDOCUMENTED = [(-11008, "Exceeding the account's maximum borrowable limit"), (-4136, "Target strategy invalid for orderType"),
                (-5047, "The original order is not a reduce-only order."), (-2008, "Invalid Api-Key ID.")]
HEADERS = {"Content-Type": "application/json;charset=UTF-8", "Content-Length": "52", "Connection": "keep-alive"}


def library_line(rnd, code, msg):
    body = json.dumps({"code": code, "msg": msg}, separators=(",", ":"), ensure_ascii=False)
    forms = [
        lambda: f"APIError(code={code}): {msg}",
        lambda: f"binance.exceptions.BinanceAPIException: APIError(code={code}): {msg}",
        lambda: f"<APIError> code={code}, msg={msg}",
        lambda: "binance.error.ClientError: " + repr((400, code, msg, HEADERS, None)),
        lambda: f"binance_common.errors.BadRequestError: ({code}, {msg!r})",
        lambda: f"ERROR:root:Found error. status: 400, error code: {code}, error message: {msg}",
        lambda: f"[ServerError] {code}: {msg}",
        lambda: f"ccxt.base.errors.ExchangeError: binance {body}",
        lambda: repr({"code": code, "msg": msg}),
        lambda: "{ code: %d, msg: %s }" % (code, json.dumps(msg, ensure_ascii=False)),
        lambda: json.dumps({"level": "error", "msg": "order failed", "error": body}, ensure_ascii=False),
        lambda: f"ERROR: {code}, {msg}",
    ]
    return rnd.choice(forms)()


NOISE = [
    "2026-11-21 10:00:{s:02d},{ms:03d} INFO Order filled: BTCUSDT BUY 0.001 @ 63250.{n} orderId={oid}",
    "2026-11-21 10:00:{s:02d},{ms:03d} INFO heartbeat ok latency={n}ms",
    '2026-11-21 10:00:{s:02d},{ms:03d} DEBUG https://fapi.binance.com:443 "POST /fapi/v1/order HTTP/1.1" 200 {n}',
    "2026-11-21 10:00:{s:02d},{ms:03d} INFO PnL BTCUSDT unrealized=-1021.{n} USDT",
    '{{"code":200,"msg":"The operation of cancel all open order is done."}}',
    "2026-11-21 10:00:{s:02d},{ms:03d} INFO serverTime={oid} offset=-1003ms",
    "2026-11-21 10:00:{s:02d},{ms:03d} WARNING retrying in {n}s (attempt 2/5)",
    "2026-11-21 10:00:{s:02d},{ms:03d} INFO 订单已成交: BTCUSDT 买入 0.001 @ 63250.{n}",
]


def main():
    db, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--seed" else 7
    rnd = random.Random(seed)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT e.code, m.text FROM messages m JOIN entries e ON e.id = m.entry_id").fetchall()
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            roll = rnd.random()
            stamp = f"2026-11-21T10:00:{i % 60:02d}Z ERROR "
            if roll < 0.85:
                code, text = rnd.choice(rows)
                msg = PLACEHOLDER.sub(lambda _: rnd.choice(WORDS), text)
                if roll < 0.50:
                    line = json.dumps({"code": code, "msg": msg}, ensure_ascii=False)
                    if i % 5 == 0:
                        line = stamp + "api call failed " + line
                elif roll < 0.70:
                    line = (stamp if i % 3 == 0 else "") + library_line(rnd, code, msg)
                else:
                    line = stamp + "order failed: " + msg
            elif roll < 0.95:
                line = rnd.choice(NOISE).format(s=i % 60, ms=i % 1000, n=rnd.randint(1, 999), oid=rnd.randint(10**10, 10**11))
            elif roll < 0.975:
                code, msg = rnd.choice(UNDOCUMENTED)
                line = json.dumps({"code": code, "msg": msg})
            else:
                line = stamp + f"unexpected failure {rnd.randint(0, 10**6)} in subsystem"
            f.write(line + "\n")


if __name__ == "__main__":
    main()
