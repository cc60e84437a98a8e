/** compare_stdout: exact, or the conformance runner's number tolerance. */
import { describe, expect, it } from 'vitest';
import { stdoutDifference, stdoutMessage } from '../../src/check/stdout.js';

describe('exact', () => {
  it('names the first line that differs', () => {
    const d = stdoutDifference('tensor(8.)\ntensor(16.)\n', 'tensor(8.)\ntensor(8.)\n', 'exact');
    expect(d).toEqual({ line: 2, actual: 'tensor(16.)\n', expected: 'tensor(8.)\n' });
    expect(stdoutMessage(d!)).toBe('your output differs at line 2: "tensor(16.)", expected "tensor(8.)"');
  });

  it('says when the output is short or long', () => {
    expect(stdoutMessage(stdoutDifference('a\n', 'a\nb\n', 'exact')!)).toBe('your output ends before line 2; expected "b" there');
    expect(stdoutMessage(stdoutDifference('a\nb\n', 'a\n', 'exact')!)).toBe('your output has more lines than expected, from line 2: "b"');
    expect(stdoutMessage(stdoutDifference('a\nb', 'a\nb\n', 'exact')!)).toBe('your output differs at line 2: "b", expected "b\\n"');
  });

  it('is byte for byte', () => {
    expect(stdoutDifference('tensor(-218.4626)\n', 'tensor(-218.4625)\n', 'exact')).not.toBeNull();
    expect(stdoutDifference('x\n', 'x\n', 'exact')).toBeNull();
  });
});

describe('numbers (the conformance runner rule)', () => {
  it('a decimal may differ by one unit in its last printed digit', () => {
    expect(stdoutDifference('tensor(-218.4626)\n', 'tensor(-218.4625)\n', 'numbers')).toBeNull();
    expect(stdoutDifference('tensor(-218.4700)\n', 'tensor(-218.4625)\n', 'numbers')).not.toBeNull();
  });

  it('the printed form must be the same', () => {
    expect(stdoutDifference('tensor(8.0000)\n', 'tensor(8.)\n', 'numbers')).not.toBeNull();
    expect(stdoutDifference('1.0000e-04\n', '0.0001\n', 'numbers')).not.toBeNull();
  });

  it('integers and the digits of names are exact', () => {
    expect(stdoutDifference('4\n', '5\n', 'numbers')).not.toBeNull();
    expect(stdoutDifference('AddBackward1\n', 'AddBackward0\n', 'numbers')).not.toBeNull();
  });

  it('a long float repr agrees to 1e-5 relative', () => {
    expect(stdoutDifference('0.10000000149011612\n', '0.1000001\n', 'numbers')).toBeNull();
    expect(stdoutDifference('0.10002\n', '0.10000000149011612\n', 'numbers')).not.toBeNull();
  });
});
