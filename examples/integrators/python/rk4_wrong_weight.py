"""BROKEN: RK4 in Python with a wrong weight, b = (1/6, 1/6, 1/2, 1/6) instead of (1/6, 1/3, 1/3, 1/6): the
weights still sum to 1, sum b c = 1/2 and sum b c^2 = 1/3 hold, but sum b_i a_ij c_j = 5/24, not 1/6, so the
method is of order 2, not 4. Expected finding: order.

    ntk-check audit --command "python3 examples/integrators/python/rk4_wrong_weight.py"
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ntk_audit_client import serve  # noqa: E402
from rk4 import A, C, explicit_rk  # noqa: E402

if __name__ == "__main__":
    serve("rk4 with a wrong weight (Python)", 4, explicit_rk(C, A, [1 / 6, 1 / 6, 1 / 2, 1 / 6]))
