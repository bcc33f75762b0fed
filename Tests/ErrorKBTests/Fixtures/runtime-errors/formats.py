"""How client libraries print a Binance API error: one function per format (stdlib only).

Each FORMATS entry: name -> (render(code, msg, ctx) -> line, library, provenance).
provenance: "source" = read in the library's code (package from PyPI) and, for the Python
ones, printed by running that code; "readme" = the package's own README/METADATA;
"memory" = recalled, NOT confirmed from source here (GitHub/npm/NuGet/Maven unreachable).
ccxt's text depends on its exception map; ccxt_error() replays ccxt/binance.py
handle_errors() from ccxt_binance_exceptions.tsv (checked against ccxt 4.5.90 itself).
"""
import csv, json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def body(code, msg):
    """The response body as Binance sends it: compact JSON."""
    return json.dumps({"code": code, "msg": msg}, separators=(",", ":"), ensure_ascii=False)


def headers(code, msg):
    return {"Content-Type": "application/json;charset=UTF-8", "Content-Length": str(len(body(code, msg).encode())),
            "Connection": "keep-alive", "Server": "nginx", "x-mbx-used-weight-1m": "21",
            "Strict-Transport-Security": "max-age=31536000; includeSubdomains"}


# ---- ccxt --------------------------------------------------------------------------------
def _ccxt_maps():
    maps = {}
    path = HERE / "ccxt_binance_exceptions.tsv"
    for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"):
        maps.setdefault((row["scope"], row["kind"]), {})[row["key"]] = row["ccxt_exception"]
    return maps


_MAPS = None


def ccxt_error(code, msg, scope="spot", exid="binance", status=400):
    """(exception class, message) as ccxt.binance.handle_errors raises them."""
    global _MAPS
    _MAPS = _MAPS or _ccxt_maps()
    b = body(code, msg)
    if status in (418, 429):
        reason = "Too Many Requests" if status == 429 else "I'm a teapot"
        return "DDoSProtection", f"{exid} {status} {reason} {b}"
    for needle, text in (("Price * QTY is zero or less", "order cost = amount * price is zero or less"),
                         ("LOT_SIZE", "order amount should be evenly divisible by lot size"),
                         ("PRICE_FILTER", "order price is invalid, i.e. exceeds allowed price precision, exceeds "
                          "min price or max price limits or is invalid value in general, use "
                          "self.price_to_precision (symbol, amount)")):
        if needle in b:
            return "InvalidOrder", f"{exid} {text} {b}"
    for kind in ("exact", "broad"):
        for sc in (scope, "*"):
            for key, cls in _MAPS.get((sc, kind), {}).items():
                if (kind == "exact" and msg == key) or (kind == "broad" and key in msg):
                    return cls, f"{exid} {msg}"
    if msg == "No need to change margin type.":
        return "MarginModeAlreadySet", f"{exid} {b}"
    for sc in (scope, "*"):
        cls = _MAPS.get((sc, "exact"), {}).get(str(code))
        if cls:
            return cls, f"{exid} {b}"
    return "ExchangeError", f"{exid} {b}"


def node_inspect(code, msg):
    q = '"' if "'" in msg and '"' not in msg else "'"
    return f"{{ code: {code}, msg: {q}{msg}{q} }}"


SCOPE_OF = {"usds-margined-futures": ("linear", "binanceusdm"), "coin-margined-futures": ("inverse", "binancecoinm"),
            "options": ("option", "binance"), "portfolio-margin": ("portfolioMargin", "binance")}


def _ccxt_py(c, m, ctx):
    scope, exid = SCOPE_OF.get(ctx.get("domain"), ("spot", "binance"))
    cls, text = ccxt_error(c, m, scope, exid, ctx.get("status", 400))
    return f"ccxt.base.errors.{cls}: {text}"


def _ccxt_js(c, m, ctx):
    scope, exid = SCOPE_OF.get(ctx.get("domain"), ("spot", "binance"))
    cls, text = ccxt_error(c, m, scope, exid, ctx.get("status", 400))
    return f"{cls}: {text}"


def _sdk_class(c):
    return {-2015: "UnauthorizedError", -1003: "TooManyRequestsError"}.get(c, "BadRequestError")


FORMATS = {
    "json": (lambda c, m, x: body(c, m), "Binance REST body", "source: every page's example payload"),
    "json-spaced": (lambda c, m, x: json.dumps({"code": c, "msg": m}, ensure_ascii=False),
                    "any client printing json.dumps(resp.json())", "source: Python json.dumps default separators"),
    "python-dict": (lambda c, m, x: repr({"code": c, "msg": m}), "any Python client printing resp.json()",
                    "source: Python dict repr (quotes chosen by repr)"),
    "escaped-json": (lambda c, m, x: json.dumps({"level": "error", "ts": x["iso"], "msg": "order failed",
                                                 "error": body(c, m)}, ensure_ascii=False),
                     "structured (JSON) logger holding the body as a string", "source: json.dumps of a JSON string"),
    "python-binance": (lambda c, m, x: f"APIError(code={c}): {m}", "python-binance BinanceAPIException.__str__",
                       "source: binance/exceptions.py 1.0.37, run"),
    "python-binance-traceback": (lambda c, m, x: f"binance.exceptions.BinanceAPIException: APIError(code={c}): {m}",
                                 "python-binance, last traceback line", "source: exceptions.py + Python traceback, run"),
    "go-binance": (lambda c, m, x: f"<APIError> code={c}, msg={m}", "go-binance (adshao) APIError.Error()",
                   "memory: fmt.Sprintf(\"<APIError> code=%d, msg=%s\") (Go proxy not used for this)"),
    "ccxt-python": (_ccxt_py, "ccxt (Python) exception, last traceback line",
                    "source: ccxt/binance.py handle_errors 4.5.90, run"),
    "ccxt-js": (_ccxt_js, "ccxt (JS) error first stack line",
                "memory for the 'Name: message' line; message text from the same (transpiled) source"),
    "binance-connector": (lambda c, m, x: "binance.error.ClientError: " + repr((400, c, m, headers(c, m), None)),
                          "binance-connector (Python) ClientError, str() = args tuple",
                          "source: binance/error.py 3.13.0 (no __str__), run"),
    "binance-futures-connector": (lambda c, m, x: "binance.error.ClientError: " + repr((400, c, m, headers(c, m))),
                                  "binance-futures-connector ClientError (4 args)",
                                  "source: binance/error.py 4.2.0 (no __str__), run"),
    "binance-connector-example": (lambda c, m, x: f"ERROR:root:Found error. status: 400, error code: {c}, "
                                                  f"error message: {m}",
                                  "binance-connector examples' logging.error(...)",
                                  "memory: examples/ in the GitHub repo (README names the fields only)"),
    "binance-sdk": (lambda c, m, x: f"binance_common.errors.{_sdk_class(c)}: ({c}, {m!r})",
                    "binance-sdk-* (binance-common) BadRequestError etc.",
                    "source: binance_common/errors.py + utils.py 4.7.0, run"),
    "binance-sdk-readme": (lambda c, m, x: f"ERROR:root:new_order() error: ({c}, {m!r})",
                           "binance-sdk-spot README pattern logging.error(f\"...() error: {e}\")",
                           "readme: binance-sdk-spot 13.3.0 METADATA + errors.py"),
    "java-connector": (lambda c, m, x: f"com.binance.connector.client.exceptions.BinanceClientException: {body(c, m)}",
                       "binance-connector-java BinanceClientException", "memory"),
    "node-connector": (lambda c, m, x: node_inspect(c, m), "@binance/connector (node): console.log(error.response.data)",
                       "memory: util.inspect of the axios response data"),
    "node-binance-api": (lambda c, m, x: f"futuresOrder error: {body(c, m)}",
                         "node-binance-api: user logs the returned body", "memory"),
    "binance-net": (lambda c, m, x: f"[ServerError] {c}: {m}", "Binance.Net / CryptoExchange.Net Error.ToString() (v8+)",
                    "memory, uncertain: \"[{GetType().Name}] {Code}: {Message}\""),
    "binance-net-old": (lambda c, m, x: f"Order placement failed: {c}: {m}", "Binance.Net / CryptoExchange.Net "
                        "Error.ToString() (older)", "memory, uncertain: \"{Code}: {Message}\""),
    "error-comma": (lambda c, m, x: f"ERROR: {c}, {m}", "bot log (issue 13 example)", "issue 13"),
    "ws-api": (lambda c, m, x: json.dumps({"id": x["uuid"], "status": 400, "error": {"code": c, "msg": m},
                                           "rateLimits": [{"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE",
                                                           "intervalNum": 1, "limit": 6000, "count": 12}]},
                                          separators=(",", ":"), ensure_ascii=False),
               "Binance WebSocket API error response", "memory: WebSocket API docs' error shape"),
    "freqtrade": (lambda c, m, x: "freqtrade.exceptions.TemporaryError: Could not place sell order due to "
                                  "{0}. Message: {1}".format(*ccxt_error(c, m, *SCOPE_OF.get(x.get("domain"),
                                                                                          ("spot", "binance")))),
                  "freqtrade wrapping a ccxt error", "memory (the wrapped ccxt text is from source)"),
}
