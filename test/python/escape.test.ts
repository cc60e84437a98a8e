// A program reaches nothing of the host: every attempt ends in the Python error that fits.
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/python/run.js';

const cases: [string, string, string][] = [
  ['().__class__.__bases__[0].__subclasses__()', 'AttributeError', "type object 'tuple' has no attribute '__bases__'"],
  ["__import__('os')", 'NameError', "name '__import__' is not defined"],
  ["open('/etc/passwd')", 'NameError', "name 'open' is not defined"],
  ["eval('1+1')", 'NameError', "name 'eval' is not defined"],
  ["exec('x=1')", 'NameError', "name 'exec' is not defined"],
  ['globals()', 'NameError', "name 'globals' is not defined"],
  ['locals()', 'NameError', "name 'locals' is not defined"],
  // vars(obj) is a copy of obj's own attributes; the no-argument form (locals) is not offered
  ['vars()', 'TypeError', 'vars() without an argument is not supported by gradviz'],
  ["compile('1', 'f', 'eval')", 'NameError', "name 'compile' is not defined"],
  ['(1).constructor', 'AttributeError', "'int' object has no attribute 'constructor'"],
  ["'s'.constructor", 'AttributeError', "'str' object has no attribute 'constructor'"],
  ['[].__proto__', 'AttributeError', "'list' object has no attribute '__proto__'"],
  ['{}.__proto__', 'AttributeError', "'dict' object has no attribute '__proto__'"],
  ["getattr(print, 'constructor')", 'AttributeError', "'builtin_function_or_method' object has no attribute 'constructor'"],
  ["getattr(len, '__self__')", 'AttributeError', "'builtin_function_or_method' object has no attribute '__self__'"],
  ['(lambda: 0).__globals__', 'AttributeError', "'function' object has no attribute '__globals__'"],
  ['(lambda: 0).__code__', 'AttributeError', "'function' object has no attribute '__code__'"],
  ['type(1).__subclasses__()', 'AttributeError', "type object 'int' has no attribute '__subclasses__'"],
  ['object.__subclasses__()', 'AttributeError', "type object 'object' has no attribute '__subclasses__'"],
  ["import os", 'ModuleNotFoundError', "No module named 'os'"],
  ["import sys", 'ModuleNotFoundError', "No module named 'sys'"],
  ["import subprocess", 'ModuleNotFoundError', "No module named 'subprocess'"],
  ["from os import path", 'ModuleNotFoundError', "No module named 'os'"],
  ["import math.os", 'ModuleNotFoundError', "No module named 'math.os'; 'math' is not a package"],
  ["math = __builtins__", 'NameError', "name '__builtins__' is not defined"],
  ["class A: pass\nA().__dict__['x']", 'KeyError', "'x'"],
  ["class A: pass\nvars(A)", 'TypeError', 'vars() argument must have __dict__ attribute'],
  ["import math\nmath.__loader__", 'AttributeError', "module 'math' has no attribute '__loader__'"],
  ["'{0.__class__.__init__.__globals__}'.format(1)", 'AttributeError', "type object 'int' has no attribute '__init__'"],
  ["input()", 'EOFError', 'EOF when reading a line'],
];

describe('escape attempts', () => {
  for (const [src, type, message] of cases) {
    it(src, () => {
      const r = runProgram(src + '\n');
      expect(r.error && [r.error.type, r.error.message]).toEqual([type, message]);
    });
  }

  it('cannot catch its way out of the step limit', () => {
    const r = runProgram('while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n', { maxSteps: 10_000 });
    expect(r.error?.type).toBe('TimeoutError');
  });
});
