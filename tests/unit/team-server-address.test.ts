import { describe, expect, it } from 'vitest';
import { checkServerAddress } from '@/lib/team/server-address';

describe('the team server address an agent types', () => {
  it('takes HTTPS anywhere, and asks for that origin only', () => {
    expect(checkServerAddress(' https://team.example.cn/ ', false)).toEqual({ ok: true, origin: 'https://team.example.cn' });
    expect(checkServerAddress('team.example.cn:8443', false)).toMatchObject({ ok: true, origin: 'https://team.example.cn:8443' });
  });

  it('takes plain HTTP on this computer (the office-PC default), with or without the scheme', () => {
    expect(checkServerAddress('localhost:8787', false)).toMatchObject({ ok: true, origin: 'http://localhost:8787' });
    expect(checkServerAddress('http://127.0.0.1:8787', false)).toMatchObject({ ok: true, origin: 'http://127.0.0.1:8787' });
  });

  it('takes plain HTTP on the shop LAN only when the lead allowed it', () => {
    expect(checkServerAddress('http://192.168.1.20:8787', false)).toEqual({ ok: false, problem: 'insecure-lan' });
    expect(checkServerAddress('http://192.168.1.20:8787', true)).toMatchObject({ ok: true, origin: 'http://192.168.1.20:8787' });
    expect(checkServerAddress('http://10.0.0.5', true)).toMatchObject({ ok: true });
    expect(checkServerAddress('http://172.20.1.1', true)).toMatchObject({ ok: true });
    expect(checkServerAddress('http://172.32.1.1', true)).toEqual({ ok: false, problem: 'insecure' });
  });

  it('never takes a public address over plain HTTP, nor anything that is not a bare server address', () => {
    expect(checkServerAddress('http://team.example.cn', true)).toEqual({ ok: false, problem: 'insecure' });
    for (const bad of ['', 'ftp://x.cn', 'https://user:pw@x.cn', 'https://x.cn/api?x=1', 'javascript:alert(1)', 'https://', 'x'.repeat(400)]) {
      expect(checkServerAddress(bad, true), bad).toMatchObject({ ok: false });
    }
  });
});
