"""CORRECT: the classical fourth-order Runge-Kutta method (Kutta 1901), in Python, audited through the protocol:

    ntk-check audit --command "python3 examples/integrators/python/rk4.py"
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ntk_audit_client import serve  # noqa: E402

# Butcher tableau: nodes C, stage matrix A (strictly lower), weights B.
C = [0.0, 0.5, 0.5, 1.0]
A = [[], [0.5], [0.0, 0.5], [0.0, 0.0, 1.0]]
B = [1 / 6, 1 / 3, 1 / 3, 1 / 6]


def explicit_rk(c, a, b):
    def solve(f, t0, y0, t1, steps):
        h = (t1 - t0) / steps
        y = list(y0)
        for i in range(steps):
            t = t0 + i * h
            k = []
            for s in range(len(b)):
                stage = [yj + h * sum(a[s][l] * k[l][j] for l in range(s)) for j, yj in enumerate(y)]
                k.append(f(t + c[s] * h, stage))
            y = [yj + h * sum(b[s] * k[s][j] for s in range(len(b))) for j, yj in enumerate(y)]
        return y

    return solve


if __name__ == "__main__":
    serve("rk4 (Python, protocol client)", 4, explicit_rk(C, A, B))
