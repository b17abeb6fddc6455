"""Reference client of the ntk-check audit protocol, version ntk-audit/1 (docs/audit-protocol.md).

An integrator written in Python becomes auditable with `serve(name, order, solve)`:

    ntk-check audit --command "python3 examples/integrators/python/rk4.py"

ntk-check starts the program, says hello, sends one `solve` request at a time and answers every `f` request with
dy/dt: the program needs no physics. Messages are JSON objects, one per line, on stdin and stdout. Non-finite
numbers travel as null. Nothing else may be written to stdout (use stderr for diagnostics).
"""
import json
import math
import sys

PROTOCOL = "ntk-audit/1"


def _send(message):
    sys.stdout.write(json.dumps(message, allow_nan=False) + "\n")
    sys.stdout.flush()


def _read():
    line = sys.stdin.readline()
    if not line:  # ntk-check closed the pipe
        sys.exit(0)
    return json.loads(line)


def _out(values):
    return [v if math.isfinite(v) else None for v in values]


def _in(values):
    return [math.nan if v is None else float(v) for v in values]


def serve(name, order, solve, adaptive=False):
    """Answer ntk-check until it says bye.

    Fixed-step: solve(f, t0, y0, t1, steps) -> y(t1) after `steps` equal steps.
    Adaptive (adaptive=True): solve(f, t0, y0, t1, {"rtol": ..., "atol": ...}) -> y(t1), or a dict
    {"y": [...], "errorEstimate": ..., "acceptedSteps": ..., "rejectedSteps": ...} (all but y optional).
    f(t, y) -> dy/dt is evaluated by ntk-check.
    """
    hello = _read()
    if hello.get("type") != "hello" or hello.get("protocol") != PROTOCOL:
        sys.exit("ntk_audit_client: expected hello with protocol %s, got %r" % (PROTOCOL, hello))
    _send({"type": "hello", "protocol": PROTOCOL, "name": name, "order": order, "adaptive": adaptive})

    def f(t, y):
        _send({"type": "f", "t": t, "y": _out(y)})
        return _in(_read()["dy"])

    while True:
        request = _read()
        if request["type"] == "bye":
            return
        control = {"rtol": request["rtol"], "atol": request["atol"]} if adaptive else request["steps"]
        try:
            result = solve(f, request["t0"], _in(request["y0"]), request["t1"], control)
        except Exception as error:  # reported to ntk-check, which names it
            _send({"type": "error", "id": request["id"], "message": "%s: %s" % (type(error).__name__, error)})
            continue
        reply = dict(result) if isinstance(result, dict) else {"y": result}
        reply["y"] = _out(reply["y"])
        _send({"type": "result", "id": request["id"], **reply})
