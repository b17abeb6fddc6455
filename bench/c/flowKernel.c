/*
 * Native reference for `npm run bench`: one right-hand side of gradient flow (1) in the displacement d, for the
 * quadratic model and the mean-field net, written plainly in C and compiled by the benchmark with gcc -O3 (and
 * -O3 -ffast-math) in the same run. Usage: flowKernel FILE. FILE (written by bench/cKernel.ts) holds float64s:
 *   quadratic:  0, n, p, alpha, G (n p), Q (n p p), r0 = y* - alpha h0 (n), d (p)
 *   mean-field: 1, m, n, dim, activation (0 sigmoid, 1 tanh), alpha, x (n dim), w0 (p), y* (n), d (p)
 * Prints {"microseconds": median CPU time of one evaluation over 7 tight loops, "out": f(d)}.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double *data;
static long cursor;
static double next(void) { return data[cursor++]; }
static double *take(long count) { double *p = data + cursor; cursor += count; return p; }

static int n, p, m, dim, act;
static double alpha, *G, *Q, *r0, *x, *w0, *ystar, *d, *out, *M, *r, *S, *h, *g, *u;

static void quadratic_rhs(void) {
  for (int k = 0; k < n; k++)
    for (int i = 0; i < p; i++) {
      const double *q = Q + ((long)k * p + i) * p;
      double s = 0;
      for (int j = 0; j < p; j++) s += q[j] * d[j];
      M[k * p + i] = s;
    }
  for (int k = 0; k < n; k++) {
    double s = 0;
    for (int i = 0; i < p; i++) s += (G[k * p + i] + 0.5 * M[k * p + i]) * d[i];
    r[k] = (r0[k] - alpha * s) / alpha;
  }
  memset(out, 0, sizeof(double) * p);
  for (int k = 0; k < n; k++)
    for (int i = 0; i < p; i++) out[i] += r[k] * (G[k * p + i] + M[k * p + i]);
}

static void mean_field_rhs(void) {
  const double sqrt_m = sqrt((double)m), c_a = 1 / sqrt((double)n * m), c_u = 1 / sqrt((double)n);
  memset(h, 0, sizeof(double) * n);
  for (int i = 0; i < m; i++) {
    for (int k = 0; k < dim; k++) u[k] = w0[m + i * dim + k] + d[m + i * dim + k];
    const double a = w0[i] + d[i];
    for (int j = 0; j < n; j++) {
      double z = 0;
      for (int k = 0; k < dim; k++) z += x[j * dim + k] * u[k];
      z *= sqrt_m;
      const double s = act == 0 ? 1 / (1 + exp(-z)) : tanh(z);
      S[i * n + j] = s;
      h[j] += a * s;
    }
  }
  for (int j = 0; j < n; j++) h[j] = (ystar[j] - alpha * c_a * h[j]) / alpha;
  for (int i = 0; i < m; i++) {
    double ga = 0;
    for (int j = 0; j < n; j++) {
      const double s = S[i * n + j];
      ga += h[j] * s;
      g[j] = h[j] * (act == 0 ? s * (1 - s) : 1 - s * s);
    }
    out[i] = c_a * ga;
    const double cu = c_u * (w0[i] + d[i]);
    for (int k = 0; k < dim; k++) {
      double s = 0;
      for (int j = 0; j < n; j++) s += g[j] * x[j * dim + k];
      out[m + i * dim + k] = cu * s;
    }
  }
}

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

static int compare(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: flowKernel FILE\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 2; }
  fseek(f, 0, SEEK_END);
  const long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  data = malloc(bytes);
  if (fread(data, 1, bytes, f) != (size_t)bytes) { fprintf(stderr, "short read\n"); return 2; }
  fclose(f);
  const int kind = (int)next();
  void (*rhs)(void);
  if (kind == 0) {
    n = (int)next(); p = (int)next(); alpha = next();
    G = take((long)n * p); Q = take((long)n * p * p); r0 = take(n); d = take(p);
    M = malloc(sizeof(double) * n * p); r = malloc(sizeof(double) * n);
    rhs = quadratic_rhs;
  } else {
    m = (int)next(); n = (int)next(); dim = (int)next(); act = (int)next(); alpha = next();
    p = m * (dim + 1);
    x = take((long)n * dim); w0 = take(p); ystar = take(n); d = take(p);
    S = malloc(sizeof(double) * m * n); h = malloc(sizeof(double) * n); g = malloc(sizeof(double) * n); u = malloc(sizeof(double) * dim);
    rhs = mean_field_rhs;
  }
  out = malloc(sizeof(double) * p);
  long loops = 200000 / p + 20;
  double per[7];
  for (int rep = 0; rep < 7; rep++) {
    const double t0 = cpu_seconds();
    for (long l = 0; l < loops; l++) { rhs(); d[l % p] += 0.0 * out[0]; }
    per[rep] = (cpu_seconds() - t0) / loops;
  }
  qsort(per, 7, sizeof(double), compare);
  rhs();
  printf("{\"microseconds\": %.6g, \"out\": [", 1e6 * per[3]);
  for (int i = 0; i < p; i++) printf(i ? ",%.17g" : "%.17g", out[i]);
  printf("]}\n");
  return 0;
}
