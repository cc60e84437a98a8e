#!/usr/bin/python3
"""Record <name>.expected.json for each <name>.py under real PyTorch, as
shared/conformance/README.md ("How each field was recorded") describes.

    /usr/bin/python3 test/conformance/record.py [--out DIR] [--jobs N] DIR_OR_FILE...

Each program runs in a fresh `python3 record.py --child PROGRAM OUT` process
(PYTHONHASHSEED=0, OMP_NUM_THREADS=1) so torch's global state (seed, print options,
grad mode, warn-once flags) never leaks from one program into the next.
Op-node `value`/`grad` in the graph are informative only and recorded as null;
AccumulateGrad nodes carry their leaf and its grad.
"""
import argparse
import builtins
import io
import json
import math
import os
import platform
import re
import subprocess
import sys
import types
import warnings
from concurrent.futures import ThreadPoolExecutor

CHILD_TIMEOUT_S = 300
TRIGGERED_SUFFIX = re.compile(r'\s*\(Triggered internally at .*\)\s*$', re.S)
SCALARS = (bool, int, float, str, type(None))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--child', nargs=2, metavar=('PROGRAM', 'OUT'))
    ap.add_argument('--out', help='folder for the expected files (default: beside each program)')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('paths', nargs='*')
    args = ap.parse_args()
    if args.child:
        record_one(*args.child)
        return
    programs = []
    for p in args.paths:
        if os.path.isdir(p):
            programs += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith('.py'))
        else:
            programs.append(p)
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        failures = [m for m in pool.map(lambda p: spawn_child(p, args.out), programs) if m]
    for m in failures:
        print(m, file=sys.stderr)
    print(f'recorded {len(programs) - len(failures)} of {len(programs)}')
    sys.exit(1 if failures else 0)


def spawn_child(program, out_dir):
    name = os.path.basename(program)[:-3]
    out = os.path.join(out_dir or os.path.dirname(program), name + '.expected.json')
    env = dict(os.environ, PYTHONHASHSEED='0', OMP_NUM_THREADS='1')
    try:
        r = subprocess.run([sys.executable, os.path.abspath(__file__), '--child', os.path.abspath(program), out],
                           env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return f'{name}: timeout after {CHILD_TIMEOUT_S} s'
    if r.returncode != 0:
        return f'{name}: recorder crashed:\n{r.stderr[-2000:]}'
    return None


# ---------------------------------------------------------------------------------------
# the child: run one program and serialise what it left behind

def record_one(program, out):
    import torch

    with open(program, encoding='utf-8') as f:
        source = f.read()

    state = {'backward_root': None, 'made_dot': None}

    original_backward = torch.autograd.backward

    def backward(tensors, *args, **kwargs):
        # recorded when the call starts, so a backward() that raises still counts
        state['backward_root'] = tensors
        return original_backward(tensors, *args, **kwargs)

    torch.autograd.backward = backward

    def make_dot(var, params=None, show_attrs=False, show_saved=False, max_attr_chars=50):
        state['made_dot'] = var

    torchviz = types.ModuleType('torchviz')
    torchviz.make_dot = make_dot
    sys.modules['torchviz'] = torchviz

    g = {'__name__': '__main__', '__builtins__': builtins}
    stdout = io.StringIO()
    error = None
    with warnings.catch_warnings(record=True) as caught:
        real_stdout = sys.stdout
        sys.stdout = stdout
        try:
            code = compile(source, program, 'exec')
            exec(code, g)
        except SyntaxError as e:  # IndentationError/TabError are SyntaxErrors too
            error = {'type': type(e).__name__, 'message': e.msg, 'line': e.lineno}
        except BaseException as e:  # SystemExit/KeyboardInterrupt from the program count as errors too
            error = {'type': type(e).__name__, 'message': str(e), 'line': innermost_line(e, program)}
        finally:
            sys.stdout = real_stdout

    with warnings.catch_warnings():
        warnings.simplefilter('ignore')  # reading .grad of non-leaves while serialising
        result = serialise(torch, g, stdout.getvalue(), error, caught, state, program)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
        f.write('\n')


def innermost_line(e, program):
    line = None
    tb = e.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == program:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def serialise(torch, g, stdout, error, caught, state, program):
    value = state['backward_root']
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], torch.Tensor):
        value = value[0]
    if not isinstance(value, torch.Tensor):
        value = None

    variables, unspecified, gradients = {}, [], {}
    for name, v in g.items():
        if name.startswith('__') and name.endswith('__'):
            continue
        if isinstance(v, types.ModuleType) or callable(v):
            continue
        ok, j = plain_value(torch, v)
        if ok:
            variables[name] = j
        else:
            unspecified.append(name)
    for name, v in g.items():
        if isinstance(v, torch.Tensor) and v.grad is not None:
            gradients[name] = tensor_json(v.grad, with_grad=False)

    return {
        'ok': error is None,
        'stdout': stdout,
        'error': error,
        'value': tensor_json(value) if value is not None else None,
        'gradients': gradients,
        'variables': variables,
        'variables_unspecified': unspecified,
        'warnings': [warning_json(w, program) for w in caught],
        'graph': None if error is not None else graph_json(torch, g, state),
        'recorded_with': {'torch': torch.__version__, 'python': platform.python_version()},
    }


def warning_json(w, program):
    return {'category': w.category.__name__,
            'message': TRIGGERED_SUFFIX.sub('', str(w.message)),
            'line': w.lineno if w.filename == program else None}


def number(v):
    if isinstance(v, float) and not math.isfinite(v):
        return 'nan' if math.isnan(v) else ('inf' if v > 0 else '-inf')
    return v


def nested(v):
    return [nested(x) for x in v] if isinstance(v, list) else number(v)


def tensor_json(t, with_grad=True):
    j = {'dtype': str(t.dtype).replace('torch.', ''),
         'shape': list(t.shape),
         'data': nested(t.detach().cpu().tolist()),
         'requires_grad': t.requires_grad,
         'grad_fn': type(t.grad_fn).__name__ if t.grad_fn is not None else None}
    if with_grad:
        j['grad'] = tensor_json(t.grad, with_grad=False) if t.grad is not None else None
    return j


def plain_value(torch, v):
    """(True, json) for the kinds API.md fixes, (False, None) for anything else."""
    if isinstance(v, torch.Tensor):
        return True, tensor_json(v)
    if type(v) in SCALARS:
        return True, number(v)
    if type(v) in (list, tuple):
        out = []
        for x in v:
            ok, j = plain_value(torch, x)
            if not ok:
                return False, None
            out.append(j)
        return True, out
    return False, None


def graph_target(torch, g, state):
    for t in (state['made_dot'], state['backward_root']):
        if isinstance(t, (list, tuple)) and t:
            t = t[0]
        if isinstance(t, torch.Tensor):
            return t
    target = None
    for name, v in g.items():
        if isinstance(v, torch.Tensor) and v.grad_fn is not None:
            target = v
    return target


def graph_json(torch, g, state):
    target = graph_target(torch, g, state)
    if target is None or target.grad_fn is None:
        return None
    # DFS preorder with an explicit stack (deep chains from loops exceed Python's
    # recursion limit); marking on pop and pushing children reversed gives the same
    # order as the recursive walk. Node objects are kept alive so id() stays unique.
    ids, order, stack = {}, [], [target.grad_fn]
    while stack:
        fn = stack.pop()
        if id(fn) in ids:
            continue
        ids[id(fn)] = f'n{len(order)}'
        order.append(fn)
        for child, _ in reversed(fn.next_functions):
            if child is not None and id(child) not in ids:
                stack.append(child)
    nodes = []
    for fn in order:
        node = {'id': ids[id(fn)], 'name': type(fn).__name__,
                'inputs': [None if c is None else ids[id(c)] for c, _ in fn.next_functions]}
        if node['name'] == 'AccumulateGrad':
            leaf = fn.variable
            node['variable'] = next((n for n, v in g.items() if v is leaf), None)
            node['value'] = tensor_json(leaf, with_grad=False)
            node['grad'] = tensor_json(leaf.grad, with_grad=False) if leaf.grad is not None else None
        else:
            node['value'] = None
            node['grad'] = None
        nodes.append(node)
    return {'root': 'n0', 'nodes': nodes}


if __name__ == '__main__':
    main()
