import { describe, expect, it } from 'vitest';
import { formatLine, selectModules, verdict, type BenchModule } from './harness.js';

describe('bench harness', () => {
  it('passes a figure at or under its max and at or over its min, and reports one without either', () => {
    expect(verdict({ name: 'first sync', value: 9, unit: 's', max: 10 })).toBe('PASS');
    expect(verdict({ name: 'first sync', value: 11, unit: 's', max: 10 })).toBe('MISS');
    expect(verdict({ name: 'speed-up', value: 3.2, unit: '×', min: 3 })).toBe('PASS');
    expect(verdict({ name: 'speed-up', value: 2.96, unit: '×', min: 3 })).toBe('MISS');
    expect(verdict({ name: 'upload', value: 50, unit: 's' })).toBe('INFO');
  });

  it('prints a minimum as the target and a ratio with two digits', () => {
    const line = formatLine({ name: 'speed-up', value: 2.96, unit: '×', min: 3 });
    expect(line).toMatch(/^MISS/);
    expect(line).toContain('2.96 ×');
    expect(line).toContain('≥ 3 ×');
  });

  it('selects modules by words in their names, any case, or all of them without words', () => {
    const modules = ['sync client: first sync', 'sync server', 'calendar'].map((name): BenchModule => ({ name, run: async () => [] }));
    expect(selectModules(modules, []).map((m) => m.name)).toEqual(['sync client: first sync', 'sync server', 'calendar']);
    expect(selectModules(modules, ['SYNC CLIENT', 'calendar']).map((m) => m.name)).toEqual(['sync client: first sync', 'calendar']);
  });
});
