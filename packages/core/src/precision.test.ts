import { describe, expect, it } from 'vitest';
import { AUTO, formatPrecision, fractionalBits, integerBits, isSigned, parsePrecision, parsePrecisionOrAuto } from './precision.js';
import { isHlsestError } from './errors.js';

describe('parsePrecision', () => {
  it.each([
    ['ap_fixed<16,6>', { kind: 'fixed', signed: true, width: 16, integer: 6, rounding: 'TRN', saturation: 'WRAP', saturationBits: 0 }],
    ['ap_fixed<16, 6>', { kind: 'fixed', signed: true, width: 16, integer: 6, rounding: 'TRN', saturation: 'WRAP', saturationBits: 0 }],
    ['fixed<16,6>', { kind: 'fixed', signed: true, width: 16, integer: 6, rounding: 'TRN', saturation: 'WRAP', saturationBits: 0 }],
    ['ap_ufixed<8,1,AP_RND_CONV,AP_SAT>', { kind: 'fixed', signed: false, width: 8, integer: 1, rounding: 'RND_CONV', saturation: 'SAT', saturationBits: 0 }],
    ['ufixed<8,1,RND_CONV,SAT>', { kind: 'fixed', signed: false, width: 8, integer: 1, rounding: 'RND_CONV', saturation: 'SAT', saturationBits: 0 }],
    ['fixed<16,2,TRN,WRAP,0>', { kind: 'fixed', signed: true, width: 16, integer: 2, rounding: 'TRN', saturation: 'WRAP', saturationBits: 0 }],
    ['ap_fixed<18,8,AP_RND,AP_SAT_SYM,1>', { kind: 'fixed', signed: true, width: 18, integer: 8, rounding: 'RND', saturation: 'SAT_SYM', saturationBits: 1 }],
    ['ac_fixed<10,-2>', { kind: 'fixed', signed: true, width: 10, integer: -2, rounding: 'TRN', saturation: 'WRAP', saturationBits: 0 }],
    ['ap_int<8>', { kind: 'int', signed: true, width: 8 }],
    ['ap_uint<3>', { kind: 'int', signed: false, width: 3 }],
    ['int<2>', { kind: 'int', signed: true, width: 2 }],
    ['uint< 4 >', { kind: 'int', signed: false, width: 4 }],
    ['  ap_fixed < 8 , 3 >  ', { kind: 'fixed', signed: true, width: 8, integer: 3, rounding: 'TRN', saturation: 'WRAP', saturationBits: 0 }],
    ['xnor', { kind: 'xnor', width: 1 }],
    ['exponent<4>', { kind: 'exponent', width: 4 }],
  ])('parses %s', (text, expected) => {
    expect(parsePrecision(text)).toEqual(expected);
  });

  it.each([
    ['', 'expected ap_fixed'],
    ['float', 'expected ap_fixed'],
    ['ap_fixed<16>', '2 to 5 arguments'],
    ['ap_fixed<16,6,AP_RND,AP_SAT,0,9>', '2 to 5 arguments'],
    ['ap_int<8,2>', 'exactly one argument'],
    ['ap_fixed<a,6>', 'width "a" is not an integer'],
    ['ap_fixed<0,0>', 'outside 1..4096'],
    ['ap_fixed<16,6,ROUND>', 'unknown mode "ROUND"'],
    ['ap_fixed<16,,>', 'empty template argument'],
    ['ap_fixed<16,6', 'expected ap_fixed'],
  ])('rejects %j naming the string', (text, reason) => {
    let caught: unknown;
    try {
      parsePrecision(text);
    } catch (error) {
      caught = error;
    }
    expect(isHlsestError(caught, 'HLSEST_BAD_PRECISION')).toBe(true);
    expect((caught as Error).message).toContain(`"${text}"`);
    expect((caught as Error).message).toContain(reason);
  });

  it('keeps auto, for the build model to infer as hls4ml does', () => {
    expect(parsePrecisionOrAuto(' Auto ')).toBe(AUTO);
    expect(parsePrecisionOrAuto('fixed<8,3>')).toMatchObject({ width: 8, integer: 3 });
  });

  it('formats to a canonical string that parses back to the same value', () => {
    for (const text of ['ap_fixed<16, 6>', 'ap_ufixed<8,1,AP_RND_CONV,AP_SAT>', 'ap_uint<3>', 'xnor', 'fixed<18,8,RND,SAT_SYM,1>', 'exponent<4>']) {
      const precision = parsePrecision(text);
      expect(parsePrecision(formatPrecision(precision))).toEqual(precision);
    }
    expect(formatPrecision(parsePrecision('ap_fixed<16, 6>'))).toBe('fixed<16,6>');
  });

  it('derives bit counts', () => {
    const p = parsePrecision('ap_fixed<16,6>');
    expect([integerBits(p), fractionalBits(p), isSigned(p)]).toEqual([6, 10, true]);
    const u = parsePrecision('ap_uint<5>');
    expect([integerBits(u), fractionalBits(u), isSigned(u)]).toEqual([5, 0, false]);
  });
});
