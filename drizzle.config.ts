import { defineConfig } from 'drizzle-kit';

// Migrations are generated once and committed; PGlite and PostgreSQL apply the same files.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
});
