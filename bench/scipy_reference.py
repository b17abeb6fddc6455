#!/usr/bin/env python3
"""scipy reference for `npm run bench`: solve the benchmark's quadratic gradient-flow instances with solve_ivp.

Usage: python3 bench/scipy_reference.py CASES.json
CASES.json (written by the benchmark): {"cases": [{"name", "instance" (ntk-check instance JSON, model.kind =
"quadratic"), "rtol", "atol", "method", "repeat", "maxSeconds"}]}. Prints one JSON object on stdout:
{"scipy", "numpy", "results": [{"name", "method", "rtol", "atol", "milliseconds" (median wall), "cpuMilliseconds"
(median process CPU), "repeats", "nfev", "rhsMicroseconds" (one right-hand side, median of a tight loop),
"status", "rT"}]}.

The right-hand side is gradient flow (1) in the displacement d = w - w0, as src/flow/gradientFlow.ts solves it:
d' = (1/alpha) J(w0 + d)^T (y* - alpha h(w0 + d)), h(w0 + d) = h0 + G d + 1/2 Q[d, d], J = G + Q[d, .]. It is
written for numpy's speed: Qd = Q @ d (n x p, one batched matrix-vector product) serves both the value and J^T r.
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
    alpha = float(instance["alpha"])
    r0 = np.asarray(instance["yStar"], dtype=float) - alpha * h0

    def rhs(_t, d):
        Qd = Q @ d  # row k = Q_k d
        r = r0 - alpha * (G @ d + 0.5 * (Qd @ d))
        return (G.T @ r + Qd.T @ r) / alpha

    def residual(d):
        return r0 - alpha * (G @ d + 0.5 * ((Q @ d) @ d))

    return rhs, residual, G.shape[1]


def median(xs):
    s = sorted(xs)
    return s[len(s) // 2] if len(s) % 2 else 0.5 * (s[len(s) // 2 - 1] + s[len(s) // 2])


def run_case(case):
    instance = case["instance"]
    if instance["model"]["kind"] != "quadratic":
        raise ValueError("only quadratic instances are supported")
    rhs, residual, p = quadratic_rhs(instance)
    T = float(instance["T"])
    method = case.get("method", "DOP853")
    walls, cpus = [], []
    sol = None
    budget = float(case.get("maxSeconds", 60))
    started = time.perf_counter()
    solve_ivp(rhs, (0.0, min(T, 1.0)), np.zeros(p), method=method, rtol=case["rtol"], atol=case["atol"])  # warm-up
    for _ in range(int(case.get("repeat", 5))):
        c0, t0 = time.process_time(), time.perf_counter()
        sol = solve_ivp(rhs, (0.0, T), np.zeros(p), method=method, rtol=case["rtol"], atol=case["atol"])
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        if time.perf_counter() - started > budget:
            break
    d = sol.y[:, -1]
    loops = 2000
    per = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(loops):
            rhs(0.0, d)
        per.append((time.perf_counter() - t0) / loops)
    return {
        "name": case["name"],
        "method": method,
        "rtol": case["rtol"],
        "atol": case["atol"],
        "milliseconds": 1000 * median(walls),
        "cpuMilliseconds": 1000 * median(cpus),
        "repeats": len(walls),
        "nfev": int(sol.nfev),
        "rhsMicroseconds": 1e6 * median(per),
        "status": int(sol.status),
        "rT": residual(d).tolist(),
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    results = [run_case(case) for case in cases]
    json.dump({"scipy": scipy.__version__, "numpy": np.__version__, "results": results}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
