import { parseProcess } from '@tthc/core';
import { describe, expect, it } from 'vitest';
import { process } from './fixtures.test-util.js';
import { foldText } from './fold.js';
import { afterPlace, describePlace, workflowNet } from './workflow-net.js';

describe('workflowNet', () => {
  const net = workflowNet(process);
  const id = (key: string) => process.steps.findIndex((s) => s.key === key);

  it('gives single-outcome steps their next place and choices an "after" place', () => {
    expect(net.sink).toBe(5);
    expect(net.places).toBe(11);
    expect([...net.outcomePlaces[id('receive')]!]).toEqual([id('review')]);
    expect([...net.outcomePlaces[id('review')]!]).toEqual([id('sign'), id('return')]);
    expect([...net.outcomePlaces[id('return')]!]).toEqual([net.sink]);
    // review may consume from its own place or from after(sign) (not-approved → review).
    expect([...net.inputs[id('review')]!]).toEqual([id('review'), afterPlace(net, id('sign'))]);
    expect([...net.inputs[id('return')]!]).toEqual([id('return'), afterPlace(net, id('review'))]);
  });

  it('knows shortest paths between places', () => {
    const hop = (a: number, b: number) => net.nextHop[a * net.places + b];
    expect(hop(id('receive'), net.sink)).toBe(id('review'));
    expect(hop(afterPlace(net, id('sign')), id('return'))).toBe(id('issue'));
    expect(hop(net.sink, id('receive'))).toBe(-1);
    expect(hop(id('issue'), id('review'))).toBe(-1);
    expect(describePlace(net, afterPlace(net, id('sign')))).toBe('after "sign"');
  });

  it('maps activities by key, exact name and folded name', () => {
    expect(net.stepOf('sign')).toBe(id('sign'));
    expect(net.stepOf('Trả kết quả')).toBe(id('return'));
    expect(net.stepOf('  KÝ giấy chứng nhận đăng ký hộ kinh doanh ')).toBe(id('sign'));
    expect(net.stepOf('Ký')).toBe(-1);
  });

  it('refuses an outcome leading to a step the process does not have', () => {
    const input = JSON.parse(JSON.stringify(process));
    input.steps[0].outcomes[0].next = 'nowhere';
    expect(() => workflowNet(parseProcess(input))).toThrow(
      /step "receive" outcome "done": next "nowhere" is not a step/,
    );
  });
});

describe('foldText', () => {
  it('folds case, diacritics, đ and punctuation', () => {
    expect(foldText('  Đăng ký, THÀNH LẬP  hộ kinh doanh. ')).toBe('dang ky thanh lap ho kinh doanh');
    expect(foldText('Ủy ban nhân dân xã')).toBe(foldText('UỶ BAN NHÂN DÂN XÃ'.normalize('NFD')));
  });
});
