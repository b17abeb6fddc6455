#!/usr/bin/env python3
"""scipy reference for `npm run bench`: solve the same quadratic gradient-flow instances with solve_ivp.

Usage: python3 bench/scipy_reference.py CASES.json
CASES.json: {"cases": [{"name", "instance" (the ntk-check instance JSON, model.kind = "quadratic"), "rtol",
"atol", "method", "repeat", "maxSeconds"}]}. Prints one JSON object {"scipy": version, "numpy": version,
"results": [{"name", "method", "rtol", "atol", "milliseconds" (median), "nfev", "njev", "status",
"rT": [...]}]} on stdout.

The right-hand side is gradient flow (1) in the displacement d = w - w0, as in src/flow/gradientFlow.ts:
d' = (1/alpha) J(w0 + d)^T (y* - alpha h(w0 + d)), with h(w0 + d) = h0 + G d + 1/2 Q[d, d] and
J = G + Q[d, .], evaluated with numpy (Qd = Q @ d computed once per call, shape n x p).
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.integrate import solve_ivp


def quadratic_rhs(instance):
    model = instance["model"]
    h0 = np.asarray(model["h0"], dtype=float)
    G = np.asarray(model["G"], dtype=float)
    Q = np.asarray(model["Q"], dtype=float)
    y_star = np.asarray(instance["yStar"], dtype=float)
    alpha = float(instance["alpha"])
    r0 = y_star - alpha * h0

    def rhs(_t, d):
        Qd = Q @ d  # n x p: row k = Q_k d
        r = r0 - alpha * (G @ d + 0.5 * (Qd @ d))
        return (G.T @ r + Qd.T @ r) / alpha

    def residual(d):
        return r0 - alpha * (G @ d + 0.5 * ((Q @ d) @ d))

    return rhs, residual, G.shape[1]


def run_case(case):
    instance = case["instance"]
    if instance["model"]["kind"] != "quadratic":
        raise ValueError("only quadratic instances are supported")
    rhs, residual, p = quadratic_rhs(instance)
    T = float(instance["T"])
    times = []
    sol = None
    budget = float(case.get("maxSeconds", 60))
    started = time.perf_counter()
    for _ in range(int(case.get("repeat", 5))):
        t0 = time.perf_counter()
        sol = solve_ivp(rhs, (0.0, T), np.zeros(p), method=case.get("method", "DOP853"), rtol=case["rtol"], atol=case["atol"])
        times.append(time.perf_counter() - t0)
        if time.perf_counter() - started > budget:
            break
    times.sort()
    return {
        "name": case["name"],
        "method": case.get("method", "DOP853"),
        "rtol": case["rtol"],
        "atol": case["atol"],
        "milliseconds": 1000 * times[len(times) // 2],
        "repeats": len(times),
        "nfev": int(sol.nfev),
        "njev": int(sol.njev),
        "status": int(sol.status),
        "rT": residual(sol.y[:, -1]).tolist(),
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    results = [run_case(case) for case in cases]
    json.dump({"scipy": scipy.__version__, "numpy": np.__version__, "results": results}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
