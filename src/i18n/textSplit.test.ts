import { describe, expect, it } from 'vitest';
import { keysMentioned } from './textSplit';

const keys = ['app.title', 'app.tagline', 'stat.sent', 'stat.sentTitle', 'badge.lazy', 'badge.quorum', 'log.filter', 'msg.close'];

describe('keys the first load mentions', () => {
  it('finds keys quoted with any quote, and only whole keys', () => {
    const code = `t("app.title"); x = 'log.filter'; y = \`msg.close\`; z = 'app.taglines'; w = "app"`;
    expect([...keysMentioned([code], keys)].sort()).toEqual(['app.title', 'log.filter', 'msg.close']);
  });

  it('counts every key a template or a concatenation could build from its prefix', () => {
    const template = ['t(`stat.', '$', '{k}Title`)'].join('');
    expect([...keysMentioned([template], keys)].sort()).toEqual(['stat.sent', 'stat.sentTitle']);
    expect([...keysMentioned(["t('badge.' + kind)"], keys)].sort()).toEqual(['badge.lazy', 'badge.quorum']);
  });

  it('reads several modules and mentions nothing from code without keys', () => {
    expect(keysMentioned(['const a = 1;', 'const b = "x";'], keys).size).toBe(0);
    expect(keysMentioned(['"app.title"', "'msg.close'"], keys).size).toBe(2);
  });
});
