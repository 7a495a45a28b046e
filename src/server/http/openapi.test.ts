import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => t.close());

  it('publishes a valid OpenAPI 3.1 document of the routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/posts', '/api/v1/posts/{code}', '/api/v1/countries', '/api/v1/bureaus']),
    );
    expect(document.paths['/api/v1/posts'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['bureau', 'country', 'kind', 'limit', 'cursor']),
    );
    const result = await validate(structuredClone(document));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('serves the API docs page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    // Its own policy replaces the app's (which allows no image from the validator it links to).
    expect(String(response.headers['content-security-policy'])).toContain("img-src 'self' data: validator.swagger.io");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
