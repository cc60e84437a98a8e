"""Records what CPython 3.11 prints for each program here (dev tool; tests never run Python).

    python3 test/python/programs/record.py

Writes NAME.expected.json beside NAME.py: stdout, and the error as the conformance
recorder does (type, str(e) / e.msg for syntax errors, innermost line in the program).
"""
import contextlib, io, json, pathlib, sys, traceback, warnings

here = pathlib.Path(__file__).parent
for path in sorted(here.glob('*.py')):
    if path.name == 'record.py':
        continue
    src = path.read_text()
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            code = compile(src, str(path), 'exec')
            exec(code, {'__name__': '__main__'})
        except SyntaxError as e:
            error = {'type': type(e).__name__, 'message': e.msg, 'line': e.lineno}
        except Exception as e:
            frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == str(path)]
            error = {'type': type(e).__name__, 'message': str(e), 'line': frames[-1].lineno if frames else None}
    result = {'stdout': out.getvalue(), 'error': error, 'python': sys.version.split()[0]}
    path.with_suffix('.expected.json').write_text(json.dumps(result, indent=1, ensure_ascii=False) + '\n')
    print(path.name, error)
