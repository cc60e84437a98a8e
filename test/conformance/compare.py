#!/usr/bin/python3
"""Compare two folders of *.expected.json field by field (validates record.py against the
shipped recordings). Stricter than run.mjs: stdout, error, value, gradients, variables,
variables_unspecified, warnings and the graph (topology, names, variables, and the
value/grad of AccumulateGrad nodes) must be equal; op-node value/grad are informative
only (the shipped files have them, our recorder writes null) and are skipped.

    /usr/bin/python3 test/conformance/compare.py EXPECTED_DIR RECORDED_DIR
"""
import json
import os
import sys

FIELDS = ['ok', 'stdout', 'error', 'value', 'gradients', 'variables', 'variables_unspecified', 'warnings']


def diff(a, b, where, rel=0.0):
    if isinstance(a, float) and isinstance(b, float):
        return None if a == b or abs(a - b) <= rel * abs(a) else f'{where}: {a!r} vs {b!r}'
    if type(a) is not type(b):
        return f'{where}: {a!r:.80} vs {b!r:.80}'
    if isinstance(a, dict):
        if list(a) != list(b):
            return f'{where}: keys {list(a)} vs {list(b)}'
        for k in a:
            d = diff(a[k], b[k], f'{where}.{k}', rel)
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f'{where}: {len(a)} items vs {len(b)}'
        for i, (x, y) in enumerate(zip(a, b)):
            d = diff(x, y, f'{where}[{i}]', rel)
            if d:
                return d
        return None
    return None if a == b else f'{where}: {a!r:.200} vs {b!r:.200}'


def graph_view(g):
    if g is None:
        return None
    return {'root': g['root'], 'nodes': [
        {k: v for k, v in n.items() if n['name'] == 'AccumulateGrad' or k not in ('value', 'grad')}
        for n in g['nodes']]}


def main():
    exp_dir, rec_dir = sys.argv[1], sys.argv[2]
    names = sorted(f for f in os.listdir(exp_dir) if f.endswith('.expected.json'))
    bad = 0
    for f in names:
        e = json.load(open(os.path.join(exp_dir, f), encoding='utf-8'))
        path = os.path.join(rec_dir, f)
        if not os.path.exists(path):
            print(f'{f}: not recorded')
            bad += 1
            continue
        r = json.load(open(path, encoding='utf-8'))
        problems = [d for k in FIELDS if (d := diff(e[k], r[k], k))]
        if d := diff(graph_view(e['graph']), graph_view(r['graph']), 'graph'):
            problems.append(d)
        if problems:
            bad += 1
            print(f'{f}:')
            for p in problems:
                print('   ', p)
    print(f'{len(names) - bad} agree, {bad} differ')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
