import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const schemaFile = path.resolve(here, '..', 'schema.graphql');
const VIRTUAL = 'virtual:graphql-introspection';

/**
 * Ships the committed schema.graphql as an introspection result, so the console never needs
 * the server's introspection (which stays off in production).
 */
function graphqlIntrospection(): Plugin {
  return {
    name: 'snu-graphql-introspection',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      this.addWatchFile(schemaFile);
      const schema = introspectionFromSchema(buildSchema(fs.readFileSync(schemaFile, 'utf8'))).__schema;
      return `export default ${JSON.stringify(schema)};`;
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), graphqlIntrospection()],
  build: {
    outDir: path.resolve(here, '..', 'dist', 'admin'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
