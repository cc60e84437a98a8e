// Engine benchmark (issue 2): a scalar graph of 100k operations (forward, then backward) and
// float32 matmul forward + backward at 256 and 512, each beside a baseline measured in the
// same run: a micrograd-style scalar autograd in plain JS, and tensorflow.js's pure-JS CPU
// backend for matmul (its three products).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as ops from '../dist/src/ops/index.js';
import { backward } from '../dist/src/autograd/engine.js';
import { PyFloat } from '../dist/src/python/values.js';
import { fromFlat } from '../dist/src/ops/creation.js';
import { float32 } from '../dist/src/tensor/dtype.js';

const SCALAR_OPS = 100_000;

/** Best of `runs` timings in ms (the machine is shared: the minimum is the least noisy). */
function best(runs, fn) {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

// micrograd's Value, in plain JS: the baseline for per-operation overhead.
class Value {
  constructor(data, children = [], backwardFn = () => {}) {
    this.data = data;
    this.grad = 0;
    this.children = children;
    this.backwardFn = backwardFn;
  }
  mul(k) {
    const out = new Value(this.data * k, [this]);
    out.backwardFn = () => (this.grad += k * out.grad);
    return out;
  }
  add(k) {
    const out = new Value(this.data + k, [this]);
    out.backwardFn = () => (this.grad += out.grad);
    return out;
  }
  backward() {
    const order = [];
    const seen = new Set();
    const stack = [[this, false]];
    while (stack.length) {
      const [v, done] = stack.pop();
      if (done) order.push(v);
      else if (!seen.has(v)) {
        seen.add(v);
        stack.push([v, true]);
        for (const c of v.children) stack.push([c, false]);
      }
    }
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].backwardFn();
  }
}

function scalarGradviz() {
  const x = ops.scalarTensor(new PyFloat(1.0), float32);
  x.requiresGrad = true;
  let y = x;
  const k = new PyFloat(1.00001);
  const c = new PyFloat(0.00001);
  for (let i = 0; i < SCALAR_OPS / 2; i++) y = ops.add(ops.mul(y, k), c);
  backward([y], null);
  return x.grad.item();
}

function scalarMicrograd() {
  const x = new Value(1.0);
  let y = x;
  for (let i = 0; i < SCALAR_OPS / 2; i++) y = y.mul(1.00001).add(0.00001);
  y.backward();
  return x.grad;
}

function randomMatrix(n) {
  const data = new Float32Array(n * n);
  for (let i = 0; i < data.length; i++) data[i] = Math.random() - 0.5;
  return data;
}

function matmulGradviz(n) {
  const a = fromFlat(randomMatrix(n), [n, n], float32);
  const b = fromFlat(randomMatrix(n), [n, n], float32);
  a.requiresGrad = true;
  b.requiresGrad = true;
  return () => {
    a.grad = null;
    b.grad = null;
    backward([ops.sum(ops.matmul(a, b))], null);
  };
}

function matmulTfjs(n) {
  const a = tf.tensor2d(randomMatrix(n), [n, n]);
  const b = tf.tensor2d(randomMatrix(n), [n, n]);
  // The same three products autograd runs: forward, then dA = G B^T and dB = A^T G
  // (tfjs-core's gradient registry is not importable as ESM from Node).
  const g = tf.ones([n, n]);
  return () =>
    tf.tidy(() => {
      tf.sum(tf.matMul(a, b)).dataSync();
      tf.matMul(g, b, false, true).dataSync();
      tf.matMul(a, g, true, false).dataSync();
    });
}

export async function runEngineBench() {
  await tf.setBackend('cpu');
  console.log('\n## engine');
  scalarGradviz();
  scalarMicrograd();
  const ours = best(5, scalarGradviz);
  const base = best(5, scalarMicrograd);
  const opsPerS = (ms) => ((SCALAR_OPS / ms) * 1000).toExponential(2);
  console.log(`scalar graph, ${SCALAR_OPS} ops forward + backward: gradviz ${opsPerS(ours)} ops/s, micrograd-style plain JS ${opsPerS(base)} ops/s (gradviz takes ${(ours / base).toFixed(2)}x the baseline's time)`);
  for (const n of [256, 512]) {
    // forward n^3 multiply-adds, backward two more matmuls: 3 * 2n^3 flops
    const flops = 3 * 2 * n ** 3;
    const ourRun = matmulGradviz(n);
    const tfRun = matmulTfjs(n);
    ourRun();
    tfRun();
    const runs = n === 256 ? 5 : 3;
    const gOurs = flops / best(runs, ourRun) / 1e6;
    const gTf = flops / best(runs, tfRun) / 1e6;
    console.log(`matmul ${n}x${n} float32 forward + backward: gradviz ${gOurs.toFixed(2)} GFLOP/s, tensorflow.js cpu backend ${gTf.toFixed(2)} GFLOP/s (ratio ${(gOurs / gTf).toFixed(2)}x)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runEngineBench();
