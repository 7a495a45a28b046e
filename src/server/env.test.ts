import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseEnv } from './env';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('uses the documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', DATA_DIR: './data', LOG_LEVEL: 'info' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names the variable and the value that is wrong', () => {
    const error = configError({ PORT: 'eighty' });
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('"eighty"');
    expect(configError({ PORT: '70000' }).message).toMatch(/PORT must be between 1 and 65535/);
    expect(configError({ LOG_LEVEL: 'loud' }).message).toMatch(/LOG_LEVEL must be one of fatal, error/);
    expect(configError({ DATABASE_URL: 'mysql://x@y/z' }).message).toMatch(/DATABASE_URL must be a postgres/);
  });

  it('measures agreement distances from the capital of HOME_COUNTRY, the United States unless told', () => {
    expect(parseEnv({}).HOME_COUNTRY).toBe('US');
    expect(parseEnv({ HOME_COUNTRY: 'gb' }).HOME_COUNTRY).toBe('GB');
    expect(configError({ HOME_COUNTRY: 'USA' }).message).toMatch(/HOME_COUNTRY must be an ISO 3166 alpha-2 country code such as US \(got "USA"\)/);
  });

  it('reports every wrong variable at once', () => {
    const error = configError({ PORT: '0', SESSION_SECRET: 'short' });
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual(['PORT', 'SESSION_SECRET']);
  });

  it('never repeats a secret or a database password in the message', () => {
    expect(configError({ SESSION_SECRET: 'hunter2' }).message).not.toContain('hunter2');
    expect(configError({ DATABASE_URL: 'postgres://u:pa55@h/db x' }).message).not.toContain('pa55');
  });

  it('trusts no proxy by default, and a number of proxies or their addresses when told', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8, loopback' }).TRUST_PROXY).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });

  it('refuses TRUST_PROXY=true, which would let any client forge its address, and names what to give instead', () => {
    const error = configError({ TRUST_PROXY: 'true' });
    expect(error.issues).toEqual([
      { variable: 'TRUST_PROXY', message: expect.stringContaining('the number of proxies in front of Demarche or their addresses') },
    ]);
    expect(error.message).toContain('(got "true")');
  });

  it('names the TRUST_PROXY entry that is not an address or a range', () => {
    expect(configError({ TRUST_PROXY: '0' }).message).toMatch(/TRUST_PROXY must be at least 1 proxy/);
    expect(configError({ TRUST_PROXY: 'yes' }).message).toMatch(/TRUST_PROXY has "yes", which is not an IP address/);
    expect(configError({ TRUST_PROXY: '10.0.0.1,10.0.0.0/33' }).message).toMatch(/TRUST_PROXY has "10.0.0.0\/33"/);
    expect(configError({ TRUST_PROXY: '10.0.0.1,,10.0.0.2' }).message).toMatch(/TRUST_PROXY must be false, a number of proxies, or proxy addresses/);
  });

  it('treats an empty variable as unset', () => {
    const env = parseEnv({ PORT: '', DATABASE_URL: '' });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('generates a session secret once, keeps it private in DATA_DIR and reuses it', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'demarche-env-'));
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    const file = path.join(dataDir, 'session-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(40) }).sessionSecret).toBe('x'.repeat(40));
  });
});
