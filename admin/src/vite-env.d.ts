/// <reference types="vite/client" />

declare module 'virtual:graphql-introspection' {
  import type { IntrospectionSchema } from 'graphql';
  const schema: IntrospectionSchema;
  export default schema;
}
