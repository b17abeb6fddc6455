#!/usr/bin/env python3
"""scipy work-precision runs for `npm run bench` (section w): solve_ivp on the benchmark's instances at a ladder of
tolerances, with the fastest numpy right-hand side of a few candidates, and report the final state of each solve so
that the benchmark measures every solver's error against the same tight reference.

Usage: python3 bench/scipy_workprecision.py CASES.json
CASES.json: {"cases": [{"name", "instance" (ntk-check instance JSON: model.kind "quadratic" or "meanField"),
"methods" (of "DOP853", "RK45", "LSODA"), "rtols", "atolScale" (atol = rtol * atolScale, as ntk-check's default),
"maxSeconds" (per method: the ladder stops once it is spent), "minRepeatMs"}]}.
Prints one JSON object: {"scipy", "numpy", "blas" (threadpoolctl's view, when installed), "results": [{"name",
"rhsVariant", "rhsMicroseconds" (median of tight loops, each variant), "runs": [{"method", "rtol", "atol",
"cpuMilliseconds" (median process CPU per solve), "milliseconds" (median wall), "repeats", "nfev", "njev",
"status", "dT" (final displacement d(T) = w(T) - w0)}]}]}.

The flow is gradient flow (1) in the displacement d = w - w0: d' = (1/alpha) J(w0 + d)^T (y* - alpha h(w0 + d)).
LSODA gets the analytic Jacobian of that field for quadratic models, df/dd = -J^T J + (1/alpha) sum_k r_k Q_k; for
mean-field nets it runs without one (a dense p x p Jacobian is out of reach at p = 36,864), which is stated in the
benchmark's notes.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.integrate import solve_ivp

from scipy_reference import median  # the same median as the other scipy runs (this folder is on sys.path)


def quadratic_variants(instance):
    model = instance["model"]
    h0 = np.asarray(model["h0"], dtype=float)
    G = np.asarray(model["G"], dtype=float)
    Q = np.asarray(model["Q"], dtype=float)
    n, p = G.shape
    Q2 = np.ascontiguousarray(Q.reshape(n * p, p))
    alpha = float(instance["alpha"])
    r0 = np.asarray(instance["yStar"], dtype=float) - alpha * h0

    def batched(_t, d):
        Qd = Q @ d  # row k = Q_k d
        r = r0 - alpha * (G @ d + 0.5 * (Qd @ d))
        return ((G + Qd).T @ r) / alpha

    def gemv(_t, d):
        Qd = (Q2 @ d).reshape(n, p)
        J = G + Qd
        r = r0 - alpha * ((G + 0.5 * Qd) @ d)
        return (r @ J) / alpha

    def einsum(_t, d):
        Qd = np.einsum("kij,j->ki", Q, d)
        J = G + Qd
        r = r0 - alpha * ((G + 0.5 * Qd) @ d)
        return (r @ J) / alpha

    def jac(_t, d):
        Qd = (Q2 @ d).reshape(n, p)
        J = G + Qd
        r = r0 - alpha * ((G + 0.5 * Qd) @ d)
        return -(J.T @ J) + np.tensordot(r, Q, axes=1) / alpha

    return {"batched Q @ d": batched, "gemv (Q as np x p)": gemv, "einsum": einsum}, jac, p


def mean_field_variants(instance):
    model = instance["model"]
    X = np.asarray(model["x"], dtype=float)  # n x dim
    n, dim = X.shape
    a0 = np.asarray(model["a"], dtype=float)
    U0 = np.asarray(model["U"], dtype=float)  # m x dim, row i = u_i
    m = len(a0)
    XT = np.ascontiguousarray(X.T)
    alpha = float(instance["alpha"])
    y_star = np.asarray(instance["yStar"], dtype=float)
    sqrt_m = np.sqrt(m)
    c_a = 1.0 / np.sqrt(n * m)
    c_u = 1.0 / np.sqrt(n)
    sigmoid = model["activation"] == "sigmoid"

    def act(z):
        if sigmoid:
            s = 1.0 / (1.0 + np.exp(-z))
            return s, s * (1.0 - s)
        s = np.tanh(z)
        return s, 1.0 - s * s

    def matmul(_t, dd):
        a = a0 + dd[:m]
        U = U0 + dd[m:].reshape(m, dim)
        S, dS = act(sqrt_m * (U @ XT))  # m x n
        r = (y_star - alpha * c_a * (a @ S)) / alpha
        out = np.empty_like(dd)
        out[:m] = c_a * (S @ r)
        out[m:] = (c_u * a[:, None] * ((dS * r) @ X)).ravel()
        return out

    def einsum(_t, dd):
        a = a0 + dd[:m]
        U = U0 + dd[m:].reshape(m, dim)
        S, dS = act(sqrt_m * np.einsum("ik,jk->ij", U, X))
        r = (y_star - alpha * c_a * np.einsum("i,ij->j", a, S)) / alpha
        out = np.empty_like(dd)
        out[:m] = c_a * np.einsum("ij,j->i", S, r)
        out[m:] = (c_u * a[:, None] * np.einsum("ij,j,jk->ik", dS, r, X)).ravel()
        return out

    return {"matmul": matmul, "einsum": einsum}, None, m * (dim + 1)


def per_call_microseconds(rhs, p):
    d = np.linspace(-0.01, 0.01, p)
    loops = max(20, 200000 // max(p, 1))
    rhs(0.0, d)
    per = []
    for _ in range(7):
        c0 = time.process_time()
        for _ in range(loops):
            rhs(0.0, d)
        per.append((time.process_time() - c0) / loops)
    return 1e6 * median(per)


def run_case(case):
    instance = case["instance"]
    kind = instance["model"]["kind"]
    variants, jac, p = quadratic_variants(instance) if kind == "quadratic" else mean_field_variants(instance)
    timings = {name: per_call_microseconds(f, p) for name, f in variants.items()}
    best = min(timings, key=timings.get)
    rhs = variants[best]
    T = float(instance["T"])
    y0 = np.zeros(p)
    runs = []
    for method in case["methods"]:
        spent = time.perf_counter()
        for rtol in case["rtols"]:
            atol = rtol * float(case["atolScale"])
            extra = {"jac": jac} if (method == "LSODA" and jac is not None) else {}
            cpus, walls, sol = [], [], None
            while True:
                c0, t0 = time.process_time(), time.perf_counter()
                sol = solve_ivp(rhs, (0.0, T), y0, method=method, rtol=rtol, atol=atol, **extra)
                walls.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
                if len(cpus) >= 3 or sum(walls) * 1000 >= float(case.get("minRepeatMs", 300)):
                    if len(cpus) >= 2 or walls[0] > 1.0:
                        break
            runs.append({
                "method": method,
                "rtol": rtol,
                "atol": atol,
                "cpuMilliseconds": 1000 * median(cpus),
                "milliseconds": 1000 * median(walls),
                "repeats": len(cpus),
                "nfev": int(sol.nfev),
                "njev": int(getattr(sol, "njev", 0) or 0),
                "status": int(sol.status),
                "dT": sol.y[:, -1].tolist(),
            })
            if time.perf_counter() - spent > float(case.get("maxSeconds", 30)):
                break
    return {"name": case["name"], "rhsVariant": best, "rhsMicroseconds": timings, "runs": runs}


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return [{k: v for k, v in x.items() if k in ("internal_api", "version", "architecture", "num_threads")} for x in threadpool_info()]
    except ImportError:
        return "threadpoolctl not installed"


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    results = [run_case(case) for case in cases]
    json.dump({"scipy": scipy.__version__, "numpy": np.__version__, "blas": blas_info(), "results": results}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
